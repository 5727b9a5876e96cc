package io.lvsplay.lab.vm;

import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.lab.LabException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program on the machine that hosts the VM lab (ip, iptables, qemu-img, qemu, ssh) with a time
 * limit. {@link #check} raises {@link LabException} naming the command line and what it printed.
 */
final class HostCommand {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private HostCommand() {
    }

    static ExecResult run(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new LabException("cannot run '" + command.get(0) + "' (" + e.getMessage() + "); "
                    + "lab/vm/build-vm-image.sh installs what the VM lab needs (run it as root)", e);
        }
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LabException("'" + String.join(" ", command) + "' did not finish within "
                        + timeout.toSeconds() + " s");
            }
            return new ExecResult(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new LabException("cannot talk to '" + command.get(0) + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while running '" + String.join(" ", command) + "'", e);
        }
    }

    static ExecResult run(String... command) {
        return run(List.of(command), DEFAULT_TIMEOUT);
    }

    /** Runs the command and returns its stdout; a non-zero exit raises LabException with its output. */
    static String check(String... command) {
        ExecResult result = run(command);
        if (!result.ok()) {
            throw new LabException("'" + String.join(" ", command) + "' failed with exit code " + result.exitCode()
                    + ": " + (result.stderr() + result.stdout()).strip());
        }
        return result.stdout();
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }
}
