package io.lvsplay.engine.ssh;

import java.nio.file.Path;

/** Everything needed to open one SSH connection. {@code password} and key passphrase are never printed. */
public record SshTarget(String hostName, String address, int port, String user, Path privateKey,
                        String password, String keyPassphrase, Path knownHosts, HostKeyPolicy hostKeyPolicy,
                        int connectTimeoutSeconds, int connectRetries) {
}
