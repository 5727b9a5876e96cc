package io.lvsplay.engine.ssh;

import io.lvsplay.engine.transport.Connection;
import io.lvsplay.engine.transport.ExecOptions;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.engine.transport.StreamExchanges;
import io.lvsplay.engine.transport.TransportException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * One sshj connection to one host; every command is a new channel on it. A broken network is
 * noticed by the keepalive (ServerAliveInterval/CountMax), which disconnects the client and so
 * ends any command waiting on it.
 */
final class SshConnection implements Connection {
    private final String hostName;
    private final SSHClient client;
    private final AtomicLong roundTrips = new AtomicLong();

    SshConnection(String hostName, SSHClient client) {
        this.hostName = hostName;
        this.client = client;
    }

    @Override
    public ExecResult exec(String command, byte[] stdin, ExecOptions options) {
        if (!client.isConnected()) {
            throw new TransportException("connection to " + hostName + " was closed");
        }
        roundTrips.incrementAndGet();
        try (Session session = client.startSession();
             Session.Command cmd = session.exec(command)) {
            byte[][] output = StreamExchanges.run(cmd.getOutputStream(), cmd.getInputStream(), cmd.getErrorStream(),
                    stdin, options, () -> closeQuietly(cmd), hostName);
            Integer status = awaitExitStatus(cmd);
            if (status == null) {
                if (!client.isConnected()) {
                    throw new TransportException("lost connection to " + hostName + " while a command ran");
                }
                String signal = cmd.getExitSignal() == null ? "no exit status" : "killed by " + cmd.getExitSignal();
                throw new TransportException("command on " + hostName + " ended without an exit status (" + signal + ")");
            }
            return new ExecResult(status, output[0], output[1]);
        } catch (IOException e) {
            throw new TransportException("lost connection to " + hostName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits for the exit status, not for the channel's close: a command that exited without reading
     * all of its stdin (a full disk) leaves our writer blocked on a full window, and sshd does not
     * close the channel until that data is gone. Once the status is here we close the channel ourselves.
     */
    private static Integer awaitExitStatus(Session.Command cmd) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cmd.getExitStatus() == null && cmd.getExitSignal() == null && cmd.isOpen()
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return cmd.getExitStatus();
    }

    private static void closeQuietly(Session.Command cmd) {
        try {
            cmd.close();
        } catch (IOException ignored) {
            // the channel is being abandoned anyway
        }
    }

    @Override
    public long roundTrips() {
        return roundTrips.get();
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (IOException ignored) {
            // closing a connection that already broke is not an error worth reporting
        }
    }
}
