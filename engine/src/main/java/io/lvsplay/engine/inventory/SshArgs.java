package io.lvsplay.engine.inventory;

import io.lvsplay.engine.ssh.SshConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OpenSSH command-line options of ansible_ssh_common_args and ansible_ssh_extra_args, read as
 * ssh reads them (the first value of an option wins). What lvsplay does not implement is refused,
 * naming the host and variable, rather than passed over.
 *
 * @param options     "-o Name=value" (and -p, -l, -J as Port, User, ProxyJump), names in lower case
 * @param identities  -i files and -o IdentityFile values, in order
 * @param configFile  -F file, null when absent
 */
public record SshArgs(Map<String, String> options, List<String> identities, String configFile) {

    public static final SshArgs NONE = new SshArgs(Map.of(), List.of(), null);

    /** Options lvsplay carries out (see ConnectionPool and SshConnector). */
    private static final Set<String> IMPLEMENTED = Set.of("proxyjump", "stricthostkeychecking",
            "userknownhostsfile", "serveraliveinterval", "serveralivecountmax", "port", "user",
            "identityfile", "identitiesonly");
    /**
     * Options that only tune the OpenSSH client process itself (connection sharing, its logging,
     * compression), which lvsplay replaces with one kept connection per host.
     */
    private static final Set<String> CLIENT_ONLY = Set.of("controlmaster", "controlpersist", "controlpath",
            "compression", "loglevel", "batchmode", "tcpkeepalive", "hashknownhosts", "checkhostip",
            "connectionattempts", "connecttimeout");
    /** Options harmless only with the value that turns them off: lvsplay never does what they enable. */
    private static final Set<String> OFF_ONLY = Set.of("forwardagent", "forwardx11", "gssapiauthentication",
            "requesttty", "clearallforwardings");
    private static final Set<String> OFF = Set.of("no", "false", "off");
    private static final Set<String> NO_VALUE_FLAGS = Set.of("-C", "-q", "-v", "-vv", "-vvv", "-vvvv", "-T", "-n", "-x", "-a");

    /**
     * @param host     the inventory name, for messages
     * @param variable the variable the words came from, for messages
     * @throws InventoryError for an option lvsplay does not support, or a malformed one
     */
    public static SshArgs parse(String host, String variable, String text) {
        List<String> words;
        try {
            words = ShellWords.split(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new InventoryError("host '" + host + "': " + variable + ": " + e.getMessage());
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> identities = new ArrayList<>();
        String config = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (NO_VALUE_FLAGS.contains(word)) {
                continue;
            }
            String flag = word.length() >= 2 && word.startsWith("-") ? word.substring(0, 2) : word;
            if (!Set.of("-o", "-i", "-F", "-p", "-l", "-J").contains(flag)) {
                throw unsupported(host, variable, word);
            }
            String value = word.length() > 2 ? word.substring(2) : i + 1 < words.size() ? words.get(++i) : null;
            if (value == null || value.isBlank()) {
                throw new InventoryError("host '" + host + "': " + variable + ": " + flag + " needs a value");
            }
            switch (flag) {
                case "-i" -> identities.add(value);
                case "-F" -> config = config == null ? value : config;
                case "-p" -> options.putIfAbsent("port", value);
                case "-l" -> options.putIfAbsent("user", value);
                case "-J" -> options.putIfAbsent("proxyjump", value);
                default -> option(host, variable, value, options, identities);
            }
        }
        return new SshArgs(Map.copyOf(options), List.copyOf(identities), config);
    }

    private static void option(String host, String variable, String option, Map<String, String> options,
                               List<String> identities) {
        String[] parts = option.strip().split("\\s*=\\s*|\\s+", 2);
        if (parts.length != 2 || parts[1].isBlank()) {
            throw new InventoryError("host '" + host + "': " + variable + ": -o " + option + " — expected -o Name=value");
        }
        String name = parts[0].toLowerCase(Locale.ROOT);
        String value = parts[1].strip();
        if (name.equals("identityfile")) {
            identities.add(value);
        } else if (IMPLEMENTED.contains(name) || CLIENT_ONLY.contains(name)) {
            options.putIfAbsent(name, value);
        } else if (!(OFF_ONLY.contains(name) && OFF.contains(value.toLowerCase(Locale.ROOT)))) {
            throw unsupported(host, variable, "-o " + option);
        }
    }

    private static InventoryError unsupported(String host, String variable, String what) {
        return new InventoryError("host '" + host + "': " + variable + ": lvsplay does not support the ssh option '"
                + what + "' (supported: -o ProxyJump, StrictHostKeyChecking, UserKnownHostsFile, ServerAliveInterval, "
                + "ServerAliveCountMax, Port, User, IdentityFile, IdentitiesOnly; -J, -F, -i, -p, -l)");
    }

    /**
     * Refuses, before any host is contacted, ssh args that lvsplay would refuse when connecting
     * (values with "{{" are checked when the host is reached, once templated).
     */
    public static void checkInventory(Inventory inventory) {
        Map<Path, SshConfig> configs = new java.util.HashMap<>();
        for (String host : inventory.hostNames()) {
            Map<String, Object> vars = inventory.varsOf(host);
            if (vars.values().stream().anyMatch(v -> String.valueOf(v).contains("{{"))
                    && (templated(vars, "ansible_ssh_common_args") || templated(vars, "ansible_ssh_extra_args")
                    || templated(vars, "ansible_host"))) {
                continue;
            }
            SshArgs args = ConnectionSettings.sshArgs(host, vars);
            if ("local".equals(String.valueOf(vars.get("ansible_connection")))) {
                continue;
            }
            String file = args.configFile();
            Path path = file != null ? Path.of(file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file)
                    : SshConfig.defaultFile();
            try {
                SshConfig config = configs.computeIfAbsent(path, SshConfig::load);
                config.lookup(String.valueOf(vars.getOrDefault("ansible_host", host)));
            } catch (IllegalArgumentException e) {
                throw new InventoryError("host '" + host + "': " + e.getMessage());
            }
        }
    }

    private static boolean templated(Map<String, Object> vars, String name) {
        return vars.get(name) != null && String.valueOf(vars.get(name)).contains("{{");
    }

    /** The value of an option, null when absent; names ignore case. */
    public String option(String name) {
        return options.get(name.toLowerCase(Locale.ROOT));
    }
}
