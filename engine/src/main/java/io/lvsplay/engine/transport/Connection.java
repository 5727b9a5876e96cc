package io.lvsplay.engine.transport;

/**
 * One open connection to one host, reused by every task on that host.
 * Commands run through {@code /bin/sh -c}; each call is one channel on the same connection.
 */
public interface Connection extends AutoCloseable {

    /** Runs a shell command, feeding {@code stdin} (may be empty) and collecting its output. */
    default ExecResult exec(String command, byte[] stdin) throws TransportException {
        return exec(command, stdin, ExecOptions.DEFAULT);
    }

    /**
     * Runs a shell command under a deadline, answering a become prompt if one is given.
     *
     * @throws CommandTimedOut when the command outlives {@code options.timeoutSeconds()}
     * @throws BecomeRefused   when sudo/su wants a password that is missing or wrong
     * @throws TransportException when the connection breaks
     */
    ExecResult exec(String command, byte[] stdin, ExecOptions options) throws TransportException;

    /** How many commands went to the host and back on this connection (for --profile and the benchmark). */
    long roundTrips();

    /** The inventory name of the host this connection reaches. */
    String hostName();

    @Override
    void close();
}
