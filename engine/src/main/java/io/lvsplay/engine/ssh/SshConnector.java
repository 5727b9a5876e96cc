package io.lvsplay.engine.ssh;

import io.lvsplay.engine.transport.Connection;
import io.lvsplay.engine.transport.TransportException;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;

/** Opens authenticated SSH connections: key files (OpenSSH/PEM, encrypted too) then password. */
public final class SshConnector implements AutoCloseable {
    // building sshj's algorithm registry is costly; one config serves every connection
    private static final DefaultConfig CONFIG = new DefaultConfig();

    static {
        // keepalive@openssh.com requests counted against ServerAliveCountMax, as OpenSSH does
        CONFIG.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    }

    private final JumpHosts jumps = new JumpHosts(this);

    /**
     * Builds sshj's algorithm tables (about 0.1 s) on a background thread, so they are ready by the
     * time the first host is contacted, while the main thread loads and validates the playbook.
     */
    public static void warmUpInBackground() {
        Thread warm = new Thread(() -> CONFIG.getKeyExchangeFactories(), "lvsplay-ssh-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /**
     * Connects within one deadline ({@code connectTimeoutSeconds}) that covers every phase and every
     * retry: a host that accepts TCP but never speaks SSH, or drops SYNs, costs at most that long.
     */
    public Connection connect(SshTarget target) {
        long deadline = System.nanoTime() + target.connectTimeoutSeconds() * 1_000_000_000L;
        TransportException last = null;
        for (int attempt = 0; attempt <= Math.max(0, target.connectRetries()); attempt++) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left < 1000 && attempt > 0) {
                break; // too little left for a handshake: report the first failure now
            }
            try {
                return connectOnce(target, left);
            } catch (TransportException e) {
                last = e;
                if (e instanceof HostKeyRefused || e instanceof AuthenticationFailed) {
                    throw e;
                }
                // Ansible's ssh plugin waits 2^n - 1 seconds (capped at 30) between attempts
                sleep(Math.min(Math.min(30_000L, ((1L << attempt) - 1) * 1000), Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
            }
        }
        throw last != null ? last : new TransportException("Failed to connect to the host via ssh: "
                + target.address() + ":" + target.port() + ": timed out after " + target.connectTimeoutSeconds() + " s");
    }

    private Connection connectOnce(SshTarget target, long budgetMillis) {
        SSHClient client = new SSHClient(CONFIG);
        NoDelaySocketFactory sockets = new NoDelaySocketFactory();
        client.setSocketFactory(sockets);
        KnownHostsVerifier verifier = new KnownHostsVerifier(knownHostsFile(target), target.hostKeyPolicy());
        client.addHostKeyVerifier(verifier);
        client.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, budgetMillis));
        client.setTimeout(0);
        client.getTransport().setTimeoutMs((int) Math.min(Integer.MAX_VALUE, budgetMillis));
        // sshj starts the keepalive thread in connect() only if an interval is set by then
        if (target.aliveIntervalSeconds() > 0) {
            KeepAliveRunner keepAlive = (KeepAliveRunner) client.getConnection().getKeepAlive();
            keepAlive.setKeepAliveInterval(target.aliveIntervalSeconds());
            keepAlive.setMaxAliveCount(Math.max(1, target.aliveCountMax()));
        }
        String where = target.address() + ":" + target.port() + (target.jump() == null ? ""
                : " (through jump host " + target.jump().address() + ":" + target.jump().port() + ")");
        // banner, key exchange and authentication block on reads: the watchdog closes the socket
        // (or the tunnel through the jump host) at the deadline
        // each hop has its own deadline: the jump host's connection is made (or found) first
        SSHClient jumpClient = target.jump() == null ? null : jumps.client(target.jump());
        List<Closeable> tunnel = new ArrayList<>();
        Deadline watchdog = Deadline.after(budgetMillis, () -> {
            sockets.closeAll();
            tunnel.forEach(SshConnector::closeQuietly);
        });
        try {
            try {
                if (target.jump() == null) {
                    client.connect(target.address(), target.port());
                } else {
                    DirectConnection direct = jumpClient.newDirectConnection(target.address(), target.port());
                    tunnel.add(direct);
                    client.connectVia(direct);
                }
            } catch (IOException e) {
                closeQuietly(client);
                if (verifier.refusal() != null) {
                    throw new HostKeyRefused(verifier.refusal());
                }
                String why = watchdog.expired() ? "timed out after " + target.connectTimeoutSeconds()
                        + " s (no SSH banner or key exchange)" : describe(e);
                throw new TransportException("Failed to connect to the host via ssh: " + where + ": " + why, e);
            }
            if (verifier.changedKeyWarning() != null) {
                System.err.println("[WARNING]: " + target.hostName() + ": " + verifier.changedKeyWarning());
            }
            String user = target.user() != null ? target.user() : System.getProperty("user.name");
            try {
                Authentication.authenticate(client, user, target, verifier.changedKeyWarning() == null);
            } catch (IOException e) {
                closeQuietly(client);
                if (watchdog.expired()) {
                    throw new TransportException("Failed to connect to the host via ssh: " + where
                            + ": timed out after " + target.connectTimeoutSeconds() + " s during authentication", e);
                }
                throw new AuthenticationFailed("Failed to authenticate as " + user + "@" + where + ": " + describe(e)
                    + " (tried: " + Authentication.tried(target) + ")");
            }
        } finally {
            watchdog.cancel();
        }
        client.getTransport().setTimeoutMs(30_000);
        return new SshConnection(target.hostName(), client);
    }

    /** A raw client for a jump host: only its tunnels are used. */
    SSHClient connectClient(SshTarget target) {
        return ((SshConnection) connect(target)).client();
    }

    private static File knownHostsFile(SshTarget target) {
        Path path = target.knownHosts() != null ? target.knownHosts()
                : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        return path.toFile();
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    /** Closes the jump hosts' connections (the hosts behind them close their own). */
    @Override
    public void close() {
        jumps.close();
    }

    private static void closeQuietly(Closeable client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing useful to do: the connection attempt already failed
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The host key was unknown or changed: never retried. */
    public static final class HostKeyRefused extends TransportException {
        HostKeyRefused(String message) {
            super(message);
        }
    }

    /** Wrong user, key or password: never retried. */
    public static final class AuthenticationFailed extends TransportException {
        AuthenticationFailed(String message) {
            super(message);
        }
    }
}
