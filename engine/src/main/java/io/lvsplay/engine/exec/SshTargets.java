package io.lvsplay.engine.exec;

import io.lvsplay.engine.inventory.ConnectionSettings;
import io.lvsplay.engine.inventory.InventoryError;
import io.lvsplay.engine.inventory.SshArgs;
import io.lvsplay.engine.ssh.HostKeyPolicy;
import io.lvsplay.engine.ssh.SshConfig;
import io.lvsplay.engine.ssh.SshTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where and how to reach a host, as ansible-playbook and the OpenSSH client decide it together:
 * Ansible puts ansible_port, the key file and the user on ssh's command line before
 * ansible_ssh_common_args/extra_args, and ssh takes the first value of each option, then its
 * config file (~/.ssh/config, or -F), whose Host blocks match the name ssh is given (ansible_host).
 */
final class SshTargets {
    private final RunOptions options;
    private final Map<Path, SshConfig> configs = new ConcurrentHashMap<>();

    SshTargets(RunOptions options) {
        this.options = options;
    }

    SshTarget of(String host, ConnectionSettings s) {
        SshArgs args = s.sshArgs();
        SshConfig config = config(args.configFile());
        SshConfig.Entry entry = lookup(host, config, s.address());
        String address = entry.hostName() != null ? entry.hostName() : s.address();
        int port = s.portSet() ? s.port() : args.option("Port") != null ? port(host, args.option("Port"))
                : entry.port() > 0 ? entry.port() : s.port();
        String user = first(s.user(), options.remoteUser(), args.option("User"), entry.user());
        Path key = s.privateKeyFile() != null ? Path.of(expandHome(s.privateKeyFile())) : options.privateKey();
        List<Path> moreKeys = new ArrayList<>();
        args.identities().forEach(k -> moreKeys.add(Path.of(expandHome(k))));
        entry.identityFiles().forEach(k -> moreKeys.add(Path.of(k)));
        String knownHosts = first(s.knownHostsFile(), entry.userKnownHostsFile());
        String strict = first(s.strictHostKeyChecking(), entry.strictHostKeyChecking());
        boolean identitiesOnly = args.option("IdentitiesOnly") != null
                ? args.option("IdentitiesOnly").equalsIgnoreCase("yes") : entry.onlyIdentityFiles();
        // Ansible's precedence: host variables over --timeout, which the CLI resolves over ansible.cfg
        int timeout = s.connectTimeout() > 0 ? s.connectTimeout() : options.connectTimeoutSeconds();
        int alive = s.aliveInterval() >= 0 ? s.aliveInterval() : ConnectionPool.DEFAULT_ALIVE_INTERVAL;
        int count = s.aliveCountMax() > 0 ? s.aliveCountMax() : ConnectionPool.DEFAULT_ALIVE_COUNT;
        String jump = first(args.option("ProxyJump"), entry.proxyJump());
        return new SshTarget(host, address, port, user, key, s.password(), options.controller().keyPassphrase(),
                knownHosts == null ? null : Path.of(expandHome(knownHosts)), policy(strict), timeout,
                s.connectRetries(), alive, count, List.copyOf(moreKeys),
                identitiesOnly ? null : options.controller().agentSocket(), jumps(host, jump, config, timeout, alive, count));
    }

    /**
     * ProxyJump "[user@]host[:port][,...]" (or ssh://user@host:port): ssh reaches the first hop
     * directly and each next one through the one before; each hop takes its own Host block, not
     * the target's -o options, as ssh -J does.
     */
    private SshTarget jumps(String host, String spec, SshConfig config, int timeout, int alive, int count) {
        if (spec == null || spec.equalsIgnoreCase("none")) {
            return null;
        }
        SshTarget previous = null;
        for (String hop : spec.split(",")) {
            JumpSpec j = JumpSpec.parse(host, hop.strip());
            SshConfig.Entry entry = lookup(host, config, j.host());
            String address = entry.hostName() != null ? entry.hostName() : j.host();
            int port = j.port() > 0 ? j.port() : entry.port() > 0 ? entry.port() : ConnectionSettings.DEFAULT_PORT;
            String user = first(j.user(), entry.user());
            List<Path> keys = entry.identityFiles().stream().map(Path::of).toList();
            SshTarget via = previous;
            if (entry.proxyJump() != null && previous == null && !entry.proxyJump().equalsIgnoreCase("none")) {
                via = jumps(host, entry.proxyJump(), config, timeout, alive, count);
            }
            previous = new SshTarget(j.host(), address, port, user, null, null, options.controller().keyPassphrase(),
                    entry.userKnownHostsFile() == null ? null : Path.of(entry.userKnownHostsFile()),
                    policy(entry.strictHostKeyChecking()), timeout, 0, alive, count, keys,
                    entry.onlyIdentityFiles() ? null : options.controller().agentSocket(), via);
        }
        return previous;
    }

    private SshConfig.Entry lookup(String host, SshConfig config, String name) {
        try {
            return config.lookup(name);
        } catch (IllegalArgumentException e) {
            throw new InventoryError("host '" + host + "': " + e.getMessage());
        }
    }

    private SshConfig config(String file) {
        Path path = file != null ? Path.of(expandHome(file)) : SshConfig.defaultFile();
        return configs.computeIfAbsent(path, p -> {
            try {
                return SshConfig.load(p);
            } catch (IllegalArgumentException e) {
                throw new InventoryError(e.getMessage());
            }
        });
    }

    private HostKeyPolicy policy(String strict) {
        HostKeyPolicy policy = options.hostKeyPolicy();
        if (policy == HostKeyPolicy.STRICT && strict != null) {
            policy = switch (strict.toLowerCase(Locale.ROOT)) {
                case "no", "off", "false" -> HostKeyPolicy.OFF;
                case "accept-new" -> HostKeyPolicy.ACCEPT_NEW;
                default -> HostKeyPolicy.STRICT;
            };
        }
        return policy;
    }

    private static int port(String host, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InventoryError("host '" + host + "': -o Port=" + value + " in the ssh args — it must be a whole number");
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    /** One hop of a ProxyJump value. */
    record JumpSpec(String user, String host, int port) {
        static JumpSpec parse(String host, String hop) {
            String rest = hop.startsWith("ssh://") ? hop.substring(6) : hop;
            String user = null;
            int at = rest.lastIndexOf('@');
            if (at >= 0) {
                user = rest.substring(0, at);
                rest = rest.substring(at + 1);
            }
            int port = -1;
            int colon = rest.lastIndexOf(':');
            if (colon >= 0 && !rest.startsWith("[")) {
                port = SshTargets.port(host, rest.substring(colon + 1));
                rest = rest.substring(0, colon);
            } else if (rest.startsWith("[") && rest.contains("]")) {
                String after = rest.substring(rest.indexOf(']') + 1);
                port = after.startsWith(":") ? SshTargets.port(host, after.substring(1)) : -1;
                rest = rest.substring(1, rest.indexOf(']'));
            }
            if (rest.isBlank()) {
                throw new InventoryError("host '" + host + "': ProxyJump '" + hop + "' names no host");
            }
            return new JumpSpec(user, rest, port);
        }
    }
}
