package io.lvsplay.engine.ssh;

import io.lvsplay.engine.transport.ShellChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/** An exec channel (a session running one command) on an sshj connection. */
final class SshChannel implements ShellChannel {
    private final SSHClient client;
    private final Session session;
    private final Session.Command command;

    private SshChannel(SSHClient client, Session session, Session.Command command) {
        this.client = client;
        this.session = session;
        this.command = command;
    }

    static SshChannel open(SSHClient client, String commandLine) throws IOException {
        Session session = client.startSession();
        try {
            return new SshChannel(client, session, session.exec(commandLine));
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public OutputStream stdin() {
        return command.getOutputStream();
    }

    @Override
    public InputStream stdout() {
        return command.getInputStream();
    }

    @Override
    public InputStream stderr() {
        return command.getErrorStream();
    }

    /**
     * Waits for the exit status, not for the channel's close: a command that exited without reading
     * all of its stdin (a full disk) leaves our writer blocked on a full window, and sshd does not
     * close the channel until that data is gone. Once the status is here the caller closes the channel.
     */
    @Override
    public Integer awaitExit(int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (command.getExitStatus() == null && command.getExitSignal() == null && command.isOpen()
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return command.getExitStatus();
    }

    @Override
    public String exitSignal() {
        return command.getExitSignal() == null ? null : command.getExitSignal().toString();
    }

    @Override
    public boolean connectionAlive() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            command.close();
            session.close();
        } catch (IOException ignored) {
            // the channel is being abandoned anyway
        }
    }
}
