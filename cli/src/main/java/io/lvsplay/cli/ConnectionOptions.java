package io.lvsplay.cli;

import io.lvsplay.engine.config.AnsibleConfig;
import io.lvsplay.engine.config.ConfigError;
import io.lvsplay.engine.config.Setting;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How to reach and act on hosts. An option given here wins over ANSIBLE_*, which wins over
 * ansible.cfg, which wins over the default: null fields mean "not given on the command line".
 */
final class ConnectionOptions {
    @Option(names = {"-f", "--forks"}, paramLabel = "N", description = "Hosts handled in parallel (default 10; [defaults] forks).")
    Integer forks;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "SSH user when the inventory sets none ([defaults] remote_user).")
    String user;

    @Option(names = {"--private-key", "--key-file"}, paramLabel = "FILE", description = "SSH private key when the inventory sets none.")
    Path privateKey;

    @Option(names = {"-b", "--become"}, description = "Run tasks with sudo ([privilege_escalation] become).")
    boolean become;

    @Option(names = "--become-user", paramLabel = "USER", description = "User to become (default root).")
    String becomeUser;

    @Option(names = "--become-method", paramLabel = "METHOD", description = "Only sudo, lvsplay's become method.")
    String becomeMethod;

    @Option(names = {"-K", "--ask-become-pass"}, description = "Ask for the sudo password.")
    boolean askBecomePass;

    @Option(names = "--accept-new-host-keys", description = "Record unknown SSH host keys in known_hosts (changed keys are still refused).")
    boolean acceptNewHostKeys;

    @Option(names = {"-T", "--timeout"}, paramLabel = "SECONDS", description = "SSH connect timeout (default 10; [defaults] timeout).")
    Integer timeout;

    @Option(names = {"-c", "--connection"}, paramLabel = "TYPE", description = "Connection type when the play and host set none: ssh (default) or local.")
    String connectionType;

    /** ssh and smart are lvsplay's SSH connection, local runs on this machine; others are refused, not run over SSH. */
    String connectionType() {
        if (connectionType == null) {
            return null;
        }
        String type = connectionType.strip();
        if (!(type.equals("ssh") || type.equals("smart") || type.equals("local"))) {
            throw new IllegalArgumentException("--connection " + type + ": lvsplay does not support connection types other than ssh and local yet");
        }
        return type;
    }

    int forks(AnsibleConfig config) {
        int n = forks != null ? forks : config.integer(Setting.FORKS).orElse(10);
        if (n < 1) {
            throw new IllegalArgumentException("forks must be at least 1, not " + n);
        }
        return n;
    }

    String user(AnsibleConfig config) {
        return user != null ? user : config.string(Setting.REMOTE_USER).orElse(null);
    }

    Path privateKey(AnsibleConfig config) {
        return privateKey != null ? privateKey : config.path(Setting.PRIVATE_KEY_FILE).orElse(null);
    }

    boolean become(AnsibleConfig config) {
        return become || config.bool(Setting.BECOME).orElse(false);
    }

    String becomeUser(AnsibleConfig config) {
        return becomeUser != null ? becomeUser : config.string(Setting.BECOME_USER).orElse(null);
    }

    boolean askBecomePass(AnsibleConfig config) {
        return askBecomePass || config.bool(Setting.BECOME_ASK_PASS).orElse(false);
    }

    int timeout(AnsibleConfig config) {
        return timeout != null ? timeout : config.integer(Setting.TIMEOUT).orElse(10);
    }

    /** [defaults] host_key_checking = False turns the check off for the whole run, as in Ansible. */
    boolean hostKeyChecking(AnsibleConfig config) {
        return config.bool(Setting.HOST_KEY_CHECKING).orElse(true);
    }

    /** lvsplay becomes with sudo only; any other method is refused before a host is touched, never run as sudo. */
    void checkBecomeMethod(AnsibleConfig config) {
        if (becomeMethod != null && !becomeMethod.equals("sudo")) {
            throw new IllegalArgumentException("--become-method " + becomeMethod + ": lvsplay does not support become methods other than sudo yet");
        }
        config.value(Setting.BECOME_METHOD).filter(v -> !v.text().strip().equals("sudo")).ifPresent(v -> {
            throw new ConfigError(v.origin() + ": become_method = " + v.text().strip()
                    + ": lvsplay does not support become methods other than sudo yet");
        });
    }
}
