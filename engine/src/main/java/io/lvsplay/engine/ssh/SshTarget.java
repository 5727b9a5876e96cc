package io.lvsplay.engine.ssh;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything needed to open one SSH connection. {@code password} and key passphrase are never printed.
 *
 * @param privateKey            the key file lvsplay was told to use (ansible_private_key_file, --private-key), or null
 * @param connectTimeoutSeconds one deadline for TCP connect, banner, key exchange and authentication,
 *                              all attempts together (each jump host has its own)
 * @param connectRetries        extra attempts after a failed connect (ansible_ssh_retries; 0 as in Ansible)
 * @param aliveIntervalSeconds  ServerAliveInterval: keepalive period on an open connection, 0 for none
 * @param aliveCountMax         ServerAliveCountMax: unanswered keepalives before the host is unreachable
 * @param moreKeys              further key files (-i, -o IdentityFile, ~/.ssh/config IdentityFile), tried after
 *                              privateKey; when both are empty the default ~/.ssh/id_* files are tried
 * @param agentSocket           SSH_AUTH_SOCK, whose keys are offered first (as ssh does); null for none
 * @param jump                  the host to tunnel through (ProxyJump; its own jump for a chain), null for a direct connection
 */
public record SshTarget(String hostName, String address, int port, String user, Path privateKey,
                        String password, String keyPassphrase, Path knownHosts, HostKeyPolicy hostKeyPolicy,
                        int connectTimeoutSeconds, int connectRetries, int aliveIntervalSeconds, int aliveCountMax,
                        List<Path> moreKeys, Path agentSocket, SshTarget jump) {

    public SshTarget(String hostName, String address, int port, String user, Path privateKey,
                     String password, String keyPassphrase, Path knownHosts, HostKeyPolicy hostKeyPolicy,
                     int connectTimeoutSeconds, int connectRetries, int aliveIntervalSeconds, int aliveCountMax) {
        this(hostName, address, port, user, privateKey, password, keyPassphrase, knownHosts, hostKeyPolicy,
                connectTimeoutSeconds, connectRetries, aliveIntervalSeconds, aliveCountMax, List.of(), null, null);
    }

    /** The jump connection is shared by every host behind it: this names it. */
    String key() {
        return user + "@" + address + ":" + port + (jump == null ? "" : " via " + jump.key());
    }

    @Override
    public String toString() {
        return "SshTarget[" + user + "@" + address + ":" + port + " (" + hostName + ")"
                + (jump == null ? "" : " via " + jump) + "]";
    }
}
