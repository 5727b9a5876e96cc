package io.lvsplay.engine.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * ansible_connection=local: commands run on the controller through {@code /bin/sh -c}.
 * stdin, stdout and stderr are pumped on their own threads so a command that writes a lot
 * while we still feed it input cannot deadlock on a full pipe.
 */
public final class LocalConnection implements Connection {
    private final String hostName;

    public LocalConnection(String hostName) {
        this.hostName = hostName;
    }

    @Override
    public ExecResult exec(String command, byte[] stdin) {
        Process process;
        try {
            process = new ProcessBuilder("/bin/sh", "-c", command).start();
        } catch (IOException e) {
            throw new TransportException("cannot start /bin/sh on " + hostName + ": " + e.getMessage(), e);
        }
        CompletableFuture<Void> feeder = CompletableFuture.runAsync(() -> feed(process.getOutputStream(), stdin));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        byte[] stdout = drain(process.getInputStream());
        try {
            int exit = process.waitFor();
            feeder.get();
            return new ExecResult(exit, stdout, stderr.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while running a command on " + hostName, e);
        } catch (ExecutionException e) {
            throw new TransportException("local command I/O failed on " + hostName + ": " + e.getCause(), e);
        }
    }

    private static void feed(OutputStream in, byte[] bytes) {
        try (in) {
            if (bytes != null && bytes.length > 0) {
                in.write(bytes);
            }
        } catch (IOException e) {
            // the command exited without reading all of its input: not an error for us
        }
    }

    private static byte[] drain(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
