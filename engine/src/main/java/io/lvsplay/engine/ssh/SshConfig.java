package io.lvsplay.engine.ssh;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An OpenSSH client config file (~/.ssh/config or ssh -F FILE), parsed by JSch's OpenSSHConfig:
 * Host blocks with patterns and negations, the first value found for a host wins.
 */
public final class SshConfig {
    public static final SshConfig EMPTY = new SshConfig(null, null);
    /** Keywords that change how or where ssh connects and that lvsplay does not carry out. */
    private static final List<String> UNSUPPORTED = List.of("ProxyCommand", "RemoteCommand", "LocalCommand",
            "Match", "Include", "CertificateFile", "PKCS11Provider", "SecurityKeyProvider");

    private final Path file;
    private final ConfigRepository repository;

    private SshConfig(Path file, ConfigRepository repository) {
        this.file = file;
        this.repository = repository;
    }

    /** A missing file is an empty config, as for ssh; one that cannot be read is an error. */
    public static SshConfig load(Path file) {
        if (!Files.exists(file)) {
            return new SshConfig(file, null);
        }
        try {
            return new SshConfig(file, OpenSSHConfig.parse(Files.readString(file)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read ssh config " + file + ": " + e.getMessage(), e);
        }
    }

    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".ssh", "config");
    }

    /**
     * The settings for {@code host} (the name ssh is given: ansible_host, else the inventory name).
     *
     * @throws IllegalArgumentException when a keyword that applies to this host is one lvsplay does not support
     */
    public Entry lookup(String host) {
        if (repository == null) {
            return new Entry(null, null, -1, List.of(), null, null, null, null);
        }
        ConfigRepository.Config c = repository.getConfig(host);
        for (String keyword : UNSUPPORTED) {
            if (c.getValue(keyword) != null) {
                throw new IllegalArgumentException(file + ": Host block for '" + host + "': lvsplay does not support "
                        + keyword + " (use ProxyJump for jump hosts)");
            }
        }
        String user = c.getUser();
        List<String> keys = new ArrayList<>();
        for (String key : values(c, "IdentityFile")) {
            keys.add(expand(key, host, user));
        }
        String hostName = c.getHostname() == null ? null : expand(c.getHostname(), host, user);
        return new Entry(hostName, user, c.getPort(), List.copyOf(keys), c.getValue("ProxyJump"),
                c.getValue("StrictHostKeyChecking"),
                c.getValue("UserKnownHostsFile") == null ? null : expand(c.getValue("UserKnownHostsFile").strip().split("\\s+")[0], host, user),
                c.getValue("IdentitiesOnly"));
    }

    private static String[] values(ConfigRepository.Config c, String key) {
        String[] values = c.getValues(key);
        return values == null ? new String[0] : values;
    }

    /** ssh's tokens in HostName, IdentityFile and UserKnownHostsFile: ~, %h, %r, %u, %d, %%. */
    static String expand(String value, String host, String user) {
        String home = System.getProperty("user.home");
        String v = value.startsWith("~/") ? home + value.substring(1) : value;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch != '%' || i + 1 == v.length()) {
                out.append(ch);
                continue;
            }
            char token = v.charAt(++i);
            switch (token) {
                case 'h' -> out.append(host);
                case 'r' -> out.append(user != null ? user : System.getProperty("user.name"));
                case 'u' -> out.append(System.getProperty("user.name"));
                case 'd' -> out.append(home);
                case '%' -> out.append('%');
                default -> throw new IllegalArgumentException("ssh config token %" + token + " in '" + value
                        + "': lvsplay does not support it (supported: %h %r %u %d %%)");
            }
        }
        return out.toString();
    }

    /**
     * What a Host block sets for one host; null (port -1) where nothing matched.
     */
    public record Entry(String hostName, String user, int port, List<String> identityFiles, String proxyJump,
                        String strictHostKeyChecking, String userKnownHostsFile, String identitiesOnly) {

        public boolean onlyIdentityFiles() {
            return identitiesOnly != null && identitiesOnly.toLowerCase(Locale.ROOT).equals("yes");
        }
    }
}
