package io.lvsplay.engine.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A local {@code /bin/sh -c} process as a channel: sshd's exec request, without sshd. */
final class ProcessChannel implements ShellChannel {
    private final Process process;

    private ProcessChannel(Process process) {
        this.process = process;
    }

    /** Opens channels whose PATH starts with {@code bin} (where a test puts its fake sudo), or plain when null. */
    static ShellChannel.Opener opener(Path bin) {
        return command -> {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
            if (bin != null) {
                pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            }
            return new ProcessChannel(pb.start());
        };
    }

    @Override
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    @Override
    public InputStream stdout() {
        return process.getInputStream();
    }

    @Override
    public InputStream stderr() {
        return process.getErrorStream();
    }

    @Override
    public Integer awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public String exitSignal() {
        return null;
    }

    @Override
    public boolean connectionAlive() {
        return true;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
