package io.lvsplay.engine.transport;

/**
 * One open connection to one host, reused by every task on that host.
 * Commands run through {@code /bin/sh -c}; each call is one channel on the same connection.
 */
public interface Connection extends AutoCloseable {

    /** Runs a shell command, feeding {@code stdin} (may be empty) and collecting its output. */
    ExecResult exec(String command, byte[] stdin) throws TransportException;

    /** The inventory name of the host this connection reaches. */
    String hostName();

    @Override
    void close();
}
