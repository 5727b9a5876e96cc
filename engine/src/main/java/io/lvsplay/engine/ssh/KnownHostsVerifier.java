package io.lvsplay.engine.ssh;

import java.io.File;
import java.io.IOException;
import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Verifies host keys against an OpenSSH known_hosts file; may record unknown ones (accept-new).
 * Remembers why it refused so the user gets an actionable message instead of sshj's generic one.
 */
final class KnownHostsVerifier implements HostKeyVerifier {
    private final File file;
    private final HostKeyPolicy policy;
    private volatile String refusal;
    private volatile String changedKeyWarning;

    KnownHostsVerifier(File file, HostKeyPolicy policy) {
        this.file = file;
        this.policy = policy;
    }

    String refusal() {
        return refusal;
    }

    /** Set when StrictHostKeyChecking=no let a changed key through: password auth must then be refused. */
    String changedKeyWarning() {
        return changedKeyWarning;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        try {
            if (!file.exists()) {
                if (policy == HostKeyPolicy.STRICT) {
                    refusal = "host key of " + display(hostname, port) + " is unknown and " + file
                            + " does not exist: add the key (ssh-keyscan) or run with --accept-new-host-keys";
                    return false;
                }
                File dir = file.getParentFile();
                if (dir != null) {
                    dir.mkdirs();
                }
                file.createNewFile();
            }
            Checker checker = new Checker(file, hostname, port);
            boolean ok = checker.verify(hostname, port, key);
            if (!ok && refusal == null) {
                refusal = checker.problem;
            }
            return ok;
        } catch (IOException e) {
            refusal = "cannot read " + file + ": " + e.getMessage();
            return false;
        }
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        // lets sshj ask the server for the key type we already know, so a host with several keys verifies
        if (!file.exists()) {
            return List.of();
        }
        try {
            return new OpenSSHKnownHosts(file).findExistingAlgorithms(hostname, port);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String display(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    private final class Checker extends OpenSSHKnownHosts {
        private String problem;

        Checker(File khFile, String host, int port) throws IOException {
            super(khFile);
        }

        @Override
        protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
            if (policy != HostKeyPolicy.STRICT) {
                try {
                    synchronized (KnownHostsVerifier.class) {
                        HostEntry entry = new HostEntry(null, hostname, KeyType.fromKey(key), key);
                        entries().add(entry);
                        write(entry);
                    }
                    return true;
                } catch (IOException e) {
                    problem = "cannot record the host key of " + hostname + " in " + file + ": " + e.getMessage();
                    return false;
                }
            }
            problem = "host key of " + hostname + " (" + KeyType.fromKey(key) + ") is not in " + file
                    + ": verify it and add it (ssh-keyscan), or run with --accept-new-host-keys";
            return false;
        }

        @Override
        protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
            if (policy == HostKeyPolicy.OFF) {
                // what OpenSSH does with StrictHostKeyChecking=no: connect, warn loudly, no passwords
                changedKeyWarning = "REMOTE HOST IDENTIFICATION HAS CHANGED for " + hostname + ": the key offered ("
                        + KeyType.fromKey(key) + ") differs from the one in " + file + ". StrictHostKeyChecking=no "
                        + "lets the connection go on, but password authentication is disabled to avoid "
                        + "man-in-the-middle attacks";
                return true;
            }
            problem = "REMOTE HOST IDENTIFICATION HAS CHANGED for " + hostname + ": the key offered ("
                    + KeyType.fromKey(key) + ") differs from the one in " + file
                    + ". Someone may be intercepting the connection, or the host was reinstalled. If you trust "
                    + "the change, remove the old entry: ssh-keygen -R " + hostname + " -f " + file;
            return false;
        }
    }
}
