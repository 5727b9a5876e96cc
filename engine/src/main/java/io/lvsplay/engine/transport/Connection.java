package io.lvsplay.engine.transport;

/**
 * One open connection to one host, reused by every task on that host.
 * Commands run through {@code /bin/sh -c}; over SSH they share one persistent shell on the host.
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

    /**
     * Runs a shell command as another user through sudo. By default each command is wrapped in its
     * own sudo; an SSH connection answers from one persistent sudo shell per user. A refusal by
     * sudo comes back as the result (its exit status and stderr), a prompt it cannot answer as
     * {@link BecomeRefused}.
     */
    default ExecResult execAs(Sudo sudo, String command, byte[] stdin, ExecOptions options) throws TransportException {
        String key = Sudo.randomKey();
        return exec(sudo.wrap(command, key), stdin, options.withBecome(sudo.reply(key)));
    }

    /** How many commands went to the host and back on this connection (for --profile and the benchmark). */
    long roundTrips();

    /** The inventory name of the host this connection reaches. */
    String hostName();

    @Override
    void close();
}
