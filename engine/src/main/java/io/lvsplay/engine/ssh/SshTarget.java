package io.lvsplay.engine.ssh;

import java.nio.file.Path;

/**
 * Everything needed to open one SSH connection. {@code password} and key passphrase are never printed.
 *
 * @param connectTimeoutSeconds one deadline for TCP connect, banner, key exchange and authentication,
 *                              all attempts together
 * @param connectRetries        extra attempts after a failed connect (ansible_ssh_retries; 0 as in Ansible)
 * @param aliveIntervalSeconds  ServerAliveInterval: keepalive period on an open connection, 0 for none
 * @param aliveCountMax         ServerAliveCountMax: unanswered keepalives before the host is unreachable
 */
public record SshTarget(String hostName, String address, int port, String user, Path privateKey,
                        String password, String keyPassphrase, Path knownHosts, HostKeyPolicy hostKeyPolicy,
                        int connectTimeoutSeconds, int connectRetries, int aliveIntervalSeconds, int aliveCountMax) {

    @Override
    public String toString() {
        return "SshTarget[" + user + "@" + address + ":" + port + " (" + hostName + ")]";
    }
}
