package io.lvsplay.engine.transport;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** ansible_connection=local: commands run on the controller through {@code /bin/sh -c}. */
public final class LocalConnection implements Connection {
    private final String hostName;
    private final AtomicLong roundTrips = new AtomicLong();

    public LocalConnection(String hostName) {
        this.hostName = hostName;
    }

    @Override
    public ExecResult exec(String command, byte[] stdin, ExecOptions options) {
        roundTrips.incrementAndGet();
        Process process;
        try {
            process = new ProcessBuilder("/bin/sh", "-c", command).start();
        } catch (IOException e) {
            throw new TransportException("cannot start /bin/sh on " + hostName + ": " + e.getMessage(), e);
        }
        try {
            byte[][] output = StreamExchanges.run(process.getOutputStream(), process.getInputStream(),
                    process.getErrorStream(), stdin, options, () -> process.destroyForcibly(), hostName);
            if (!process.waitFor(options.timeoutSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CommandTimedOut("The command on " + hostName + " exceeded the timeout of "
                        + options.timeoutSeconds() + " seconds and was stopped");
            }
            return new ExecResult(process.exitValue(), output[0], output[1]);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while running a command on " + hostName, e);
        } catch (IOException e) {
            throw new TransportException("local command I/O failed on " + hostName + ": " + e.getMessage(), e);
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
        // nothing is held open between commands
    }
}
