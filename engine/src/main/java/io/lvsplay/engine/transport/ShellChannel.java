package io.lvsplay.engine.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** One command running on a host with its three streams: an SSH exec channel, or a local process in tests. */
public interface ShellChannel extends AutoCloseable {

    OutputStream stdin();

    InputStream stdout();

    InputStream stderr();

    /** Waits up to {@code seconds} for the exit status; null when none came (killed, or the link broke). */
    Integer awaitExit(int seconds) throws IOException;

    /** The signal that ended the command, or null. */
    String exitSignal();

    /** False once the connection under the channel is gone: the host is then unreachable. */
    boolean connectionAlive();

    /** Closes the channel; a command still running loses its streams. Never throws. */
    @Override
    void close();

    /** Starts a command on the host. */
    @FunctionalInterface
    interface Opener {
        ShellChannel open(String command) throws IOException;
    }
}
