package io.lvsplay.engine.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach a host, read from its Ansible connection variables. The vars must already be
 * templated: a value such as "{{ vault_pw }}" is taken literally here.
 *
 * <p>Where Ansible accepts several names for one setting, the one its connection or become
 * plugin lists last wins when more than one is set (e.g. ansible_ssh_user over ansible_user).
 *
 * @param address               ansible_host (or ansible_ssh_host), else the inventory name
 * @param port                  ansible_port (or ansible_ssh_port), 22 when unset
 * @param user                  ansible_user / ansible_ssh_user, null when unset
 * @param privateKeyFile        ansible_private_key_file / ansible_ssh_private_key_file, null when unset
 * @param password              ansible_password / ansible_ssh_pass / ansible_ssh_password, null when unset
 * @param become                ansible_become
 * @param becomeUser            ansible_become_user / ansible_sudo_user, "root" when unset
 * @param becomePassword        ansible_become_password / ansible_become_pass / ansible_sudo_pass, null when unset
 * @param local                 ansible_connection is "local" (the implicit localhost has it set)
 * @param sshCommonArgs         ansible_ssh_common_args and ansible_ssh_extra_args joined by a space, "" when unset
 * @param knownHostsFile        first file of "-o UserKnownHostsFile=..." in those args, null when absent
 * @param strictHostKeyChecking value of "-o StrictHostKeyChecking=..." in those args (no, yes, accept-new ...), null when absent
 * @param connectTimeout        seconds, ansible_timeout / ansible_ssh_timeout; 0 when unset, so that --timeout
 *                              and ansible.cfg's timeout (lower in Ansible's precedence) apply
 * @param connectRetries        ansible_ssh_retries, 0 when unset (Ansible's default)
 * @param aliveInterval         "-o ServerAliveInterval=N" in the ssh args, -1 when absent
 * @param aliveCountMax         "-o ServerAliveCountMax=N" in the ssh args, -1 when absent
 * @param portSet               ansible_port / ansible_ssh_port is set (then it wins over -o Port and ~/.ssh/config)
 * @param sshArgs               all options of the ssh args, read and checked (unsupported ones refused)
 */
public record ConnectionSettings(String address, int port, String user, String privateKeyFile, String password,
                                 boolean become, String becomeUser, String becomePassword, boolean local,
                                 String sshCommonArgs, String knownHostsFile, String strictHostKeyChecking,
                                 int connectTimeout, int connectRetries, int aliveInterval, int aliveCountMax,
                                 boolean portSet, SshArgs sshArgs) {

    public static final int DEFAULT_PORT = 22;
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;

    /**
     * @param host the inventory name
     * @param vars the host's merged, templated variables
     * @throws InventoryError when a port, timeout or boolean cannot be read, naming the host and variable
     */
    public static ConnectionSettings of(String host, Map<String, Object> vars) {
        Variables v = new Variables(host, vars);
        String args = String.join(" ", v.nonBlank("ansible_ssh_common_args", "ansible_ssh_extra_args"));
        SshArgs sshArgs = sshArgs(host, vars);
        String knownHosts = sshArgs.option("UserKnownHostsFile");
        return new ConnectionSettings(
                v.string(host, "ansible_host", "ansible_ssh_host"),
                v.integer(DEFAULT_PORT, "ansible_port", "ansible_ssh_port"),
                v.string(null, "ansible_user", "ansible_ssh_user"),
                v.string(null, "ansible_private_key_file", "ansible_ssh_private_key_file"),
                v.string(null, "ansible_password", "ansible_ssh_pass", "ansible_ssh_password"),
                v.bool(false, "ansible_become"),
                v.string("root", "ansible_become_user", "ansible_sudo_user"),
                v.string(null, "ansible_become_password", "ansible_become_pass", "ansible_sudo_pass"),
                "local".equals(v.string(null, "ansible_connection")),
                args,
                knownHosts == null ? null : knownHosts.strip().split("\\s+")[0],
                sshArgs.option("StrictHostKeyChecking"),
                v.integer(0, "ansible_timeout", "ansible_ssh_timeout"),
                v.integer(0, "ansible_ssh_retries"),
                number(host, sshArgs.option("ServerAliveInterval"), "ServerAliveInterval"),
                number(host, sshArgs.option("ServerAliveCountMax"), "ServerAliveCountMax"),
                v.last("ansible_port", "ansible_ssh_port") != null,
                sshArgs);
    }

    /** ansible_ssh_common_args then ansible_ssh_extra_args, as Ansible puts them on ssh's command line. */
    public static SshArgs sshArgs(String host, Map<String, Object> vars) {
        SshArgs common = SshArgs.parse(host, "ansible_ssh_common_args", text(vars.get("ansible_ssh_common_args")));
        SshArgs extra = SshArgs.parse(host, "ansible_ssh_extra_args", text(vars.get("ansible_ssh_extra_args")));
        Map<String, String> options = new java.util.LinkedHashMap<>(common.options());
        extra.options().forEach(options::putIfAbsent);
        List<String> identities = new ArrayList<>(common.identities());
        identities.addAll(extra.identities());
        return new SshArgs(Map.copyOf(options), List.copyOf(identities),
                common.configFile() != null ? common.configFile() : extra.configFile());
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static int number(String host, String value, String option) {
        if (value == null) {
            return -1;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InventoryError("host '" + host + "': -o " + option + "=" + value + " in the ssh args — it must be a whole number");
        }
    }

    /** Reads one host's vars, naming the host and variable when a value has the wrong type. */
    private record Variables(String host, Map<String, Object> vars) {

        /** The value of the last listed name that is set (not null), as Ansible's config resolution does. */
        Object last(String... names) {
            Object value = null;
            for (String name : names) {
                if (vars.get(name) != null) {
                    value = vars.get(name);
                }
            }
            return value;
        }

        String lastName(String... names) {
            String found = names[0];
            for (String name : names) {
                if (vars.get(name) != null) {
                    found = name;
                }
            }
            return found;
        }

        String string(String fallback, String... names) {
            Object value = last(names);
            return value == null ? fallback : String.valueOf(value);
        }

        List<String> nonBlank(String... names) {
            List<String> values = new ArrayList<>();
            for (String name : names) {
                Object value = vars.get(name);
                if (value != null && !String.valueOf(value).isBlank()) {
                    values.add(String.valueOf(value).strip());
                }
            }
            return values;
        }

        int integer(int fallback, String... names) {
            Object value = last(names);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Integer || value instanceof Long) {
                return ((Number) value).intValue();
            }
            try {
                return Integer.parseInt(String.valueOf(value).strip());
            } catch (NumberFormatException e) {
                throw new InventoryError("host '" + host + "': " + lastName(names) + " is '" + value + "' — it must be a whole number");
            }
        }

        /** Ansible's boolean(): yes/no, true/false, on/off, 1/0, y/n, t/f in any case. */
        boolean bool(boolean fallback, String name) {
            Object value = vars.get(name);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
            if (List.of("yes", "on", "1", "true", "y", "t", "1.0").contains(text)) {
                return true;
            }
            if (List.of("no", "off", "0", "false", "n", "f", "0.0", "").contains(text)) {
                return false;
            }
            throw new InventoryError("host '" + host + "': " + name + " is '" + value + "' — use true or false");
        }
    }
}
