package io.lvsplay.engine.ssh;

import io.lvsplay.engine.transport.Connection;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.engine.transport.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/** One sshj connection to one host; every command is a new channel on it. */
final class SshConnection implements Connection {
    private final String hostName;
    private final SSHClient client;

    SshConnection(String hostName, SSHClient client) {
        this.hostName = hostName;
        this.client = client;
    }

    @Override
    public ExecResult exec(String command, byte[] stdin) {
        if (!client.isConnected()) {
            throw new TransportException("connection to " + hostName + " was closed");
        }
        try (Session session = client.startSession();
             Session.Command cmd = session.exec(command)) {
            OutputStream in = cmd.getOutputStream();
            if (stdin != null && stdin.length > 0) {
                in.write(stdin);
                in.flush();
            }
            in.close();
            byte[] out = readAll(cmd.getInputStream());
            byte[] err = readAll(cmd.getErrorStream());
            cmd.join(30, TimeUnit.SECONDS);
            Integer status = cmd.getExitStatus();
            if (status == null) {
                String signal = cmd.getExitSignal() == null ? "no exit status" : "killed by " + cmd.getExitSignal();
                throw new TransportException("command on " + hostName + " ended without an exit status (" + signal + ")");
            }
            return new ExecResult(status, out, err);
        } catch (IOException e) {
            throw new TransportException("lost connection to " + hostName + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toByteArray();
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
