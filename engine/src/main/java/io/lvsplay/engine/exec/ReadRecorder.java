package io.lvsplay.engine.exec;

import io.lvsplay.engine.transport.Connection;
import io.lvsplay.engine.transport.ExecOptions;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.engine.transport.Sudo;

/**
 * Stands in for a host's connection to learn what command a read becomes on its way through the
 * task's become and environment: it notes the command and stops the read there, sending nothing.
 */
final class ReadRecorder implements Connection {
    /** Thrown where the connection would send the command: the read goes no further. */
    private static final class Noted extends RuntimeException {
        Noted() {
            super(null, null, false, false);
        }
    }

    private final String hostName;
    private PrefetchingConnection.Read noted;

    ReadRecorder(String hostName) {
        this.hostName = hostName;
    }

    /** The command {@code read} sends, or null when it sends none or something with input. */
    PrefetchingConnection.Read record(Runnable read) {
        noted = null;
        try {
            read.run();
        } catch (Noted e) {
            return noted;
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    @Override
    public ExecResult exec(String command, byte[] stdin, ExecOptions options) {
        return note(command, null, stdin);
    }

    @Override
    public ExecResult execAs(Sudo sudo, String command, byte[] stdin, ExecOptions options) {
        return note(command, sudo, stdin);
    }

    private ExecResult note(String command, Sudo sudo, byte[] stdin) {
        if (stdin == null || stdin.length == 0) {
            noted = new PrefetchingConnection.Read(command, sudo);
        }
        throw new Noted();
    }

    @Override
    public long roundTrips() {
        return 0;
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public void close() {
    }
}
