package io.lvsplay.engine.ssh;

import io.lvsplay.engine.transport.Connection;
import io.lvsplay.engine.transport.ExecOptions;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.engine.transport.PersistentShells;
import io.lvsplay.engine.transport.Sudo;
import io.lvsplay.engine.transport.TransportException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import net.schmizz.sshj.SSHClient;

/**
 * One sshj connection to one host. Commands go to a shell kept open on the host for the whole run
 * (one per become user), or one channel each where that shell cannot be kept. A broken network
 * is noticed by the keepalive (ServerAliveInterval/CountMax), which disconnects the client and so
 * ends any command waiting on it.
 */
final class SshConnection implements Connection {
    private final String hostName;
    private final SSHClient client;
    private final PersistentShells shells;
    private final AtomicLong commands = new AtomicLong();

    SshConnection(String hostName, SSHClient client) {
        this.hostName = hostName;
        this.client = client;
        this.shells = new PersistentShells(hostName, line -> SshChannel.open(client, line), PersistentShells.ENABLED,
                warning -> System.err.println("[WARNING]: " + warning));
    }

    @Override
    public ExecResult exec(String command, byte[] stdin, ExecOptions options) {
        ensureConnected();
        commands.incrementAndGet();
        return shells.exec(command, stdin, options);
    }

    @Override
    public ExecResult execAs(Sudo sudo, String command, byte[] stdin, ExecOptions options) {
        ensureConnected();
        commands.incrementAndGet();
        return shells.execAs(sudo, command, stdin, options);
    }

    private void ensureConnected() {
        if (!client.isConnected()) {
            throw new TransportException("connection to " + hostName + " was closed");
        }
    }

    /** Commands plus shell start-ups: each is one exchange with the host. */
    @Override
    public long roundTrips() {
        return commands.get() + shells.starts();
    }

    SSHClient client() {
        return client;
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public void close() {
        shells.close();
        try {
            client.disconnect();
        } catch (IOException ignored) {
            // closing a connection that already broke is not an error worth reporting
        }
    }
}
