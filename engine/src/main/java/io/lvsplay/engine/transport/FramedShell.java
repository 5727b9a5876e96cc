package io.lvsplay.engine.transport;

import io.lvsplay.engine.remote.ShellQuote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code /bin/sh} kept open on a host for many commands. Each command is written to the
 * shell's stdin as a small script and framed by a fresh random marker:
 * <pre>
 *   /bin/sh -c 'COMMAND' &lt;/dev/null                   (no input), or
 *   base64 -d &lt;&lt;'MARK' | /bin/sh -c 'COMMAND'  ...  MARK   (input, inside the script)
 *   printf '%s:%03d\n' MARK "$?"; printf '%s\n' MARK &gt;&amp;2
 * </pre>
 * stdout up to {@code MARK:rc} is the command's stdout, stderr up to {@code MARK} its stderr.
 * The input travels inside the script because sh reads its script in blocks: a command reading
 * the shell's own stdin would find it already consumed. {@code sh -c} gives each command a fresh
 * shell, as an exec channel does, so {@code exit}, {@code cd} or {@code set -e} end with it.
 *
 * <p>A command past its deadline closes the channel: the shell is dead from then on and its
 * owner starts another. Not thread-safe: one command at a time ({@link PersistentShells} lends it).
 */
final class FramedShell implements AutoCloseable {
    /** How long a new shell may take to answer its first probe before the host is judged unable to keep one. */
    static final int START_SECONDS = 15;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lvsplay-shell-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final ShellChannel channel;
    private final String host;
    private final Object lock = new Object();
    private final StreamTail out = new StreamTail(lock);
    private final StreamTail err = new StreamTail(lock);
    private boolean feedsInput;
    private volatile boolean dead;

    FramedShell(ShellChannel channel, String host) {
        this.channel = channel;
        this.host = host;
        out.pump(channel.stdout(), "lvsplay-shell-out-" + host);
        err.pump(channel.stderr(), "lvsplay-shell-err-" + host);
    }

    /** Whether a command with input can run here (the host has base64). */
    boolean feedsInput() {
        return feedsInput;
    }

    boolean alive() {
        if (dead) {
            return false;
        }
        synchronized (lock) {
            return !out.ended() && !err.ended();
        }
    }

    /**
     * Throws away whatever the login shell printed before the driver ran (rc files) and learns
     * whether the host can decode input; fails with {@link NotKept} when no shell answers.
     */
    void probe() {
        try {
            ExecResult r = frame("command -v base64 >/dev/null 2>&1\n", START_SECONDS);
            feedsInput = r.exitCode() == 0;
        } catch (CommandTimedOut | TransportException e) {
            close();
            throw new NotKept(e.getMessage());
        }
    }

    ExecResult exec(String command, byte[] stdin, int timeoutSeconds) {
        String quoted = ShellQuote.quote(command);
        if (stdin == null || stdin.length == 0) {
            return frame("/bin/sh -c " + quoted + " </dev/null\n", timeoutSeconds);
        }
        String mark = newMark();
        String encoded = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(stdin);
        return frame("base64 -d <<'" + mark + "' | /bin/sh -c " + quoted + "\n" + encoded + "\n" + mark + "\n",
                timeoutSeconds);
    }

    private ExecResult frame(String script, int timeoutSeconds) {
        String mark = newMark();
        byte[] outMark = (mark + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] errMark = (mark + "\n").getBytes(StandardCharsets.US_ASCII);
        String framed = script + "printf '%s:%03d\\n' " + mark + " \"$?\"; printf '%s\\n' " + mark + " >&2\n";
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> timer = TIMER.schedule(() -> {
            expired.set(true);
            close();
        }, Math.max(1, timeoutSeconds), TimeUnit.SECONDS);
        try {
            channel.stdin().write(framed.getBytes(StandardCharsets.UTF_8));
            channel.stdin().flush();
            synchronized (lock) {
                while (!expired.get()) {
                    int o = out.indexOf(outMark);
                    int e = err.indexOf(errMark);
                    if (o >= 0 && out.length() >= o + outMark.length + 4 && e >= 0) {
                        byte[] stdout = out.take(o);
                        String rc = new String(out.take(outMark.length + 4), StandardCharsets.US_ASCII)
                                .substring(outMark.length, outMark.length + 3);
                        byte[] stderr = err.take(e);
                        err.take(errMark.length);
                        return new ExecResult(Integer.parseInt(rc), stdout, stderr);
                    }
                    if (out.ended() || err.ended()) {
                        break;
                    }
                    lock.wait(1000);
                }
            }
        } catch (IOException e) {
            // the shell is gone: told below, from why it went
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new CommandTimedOut("interrupted while waiting for a command on " + host);
        } finally {
            timer.cancel(false);
        }
        close();
        if (expired.get()) {
            throw new CommandTimedOut("The command on " + host + " exceeded the timeout of "
                    + timeoutSeconds + " seconds and was stopped");
        }
        if (!channel.connectionAlive()) {
            throw new TransportException("lost connection to " + host + " while a command ran");
        }
        throw new TransportException("the shell on " + host + " ended while a command ran (" + howItEnded() + ")");
    }

    private String howItEnded() {
        try {
            Integer status = channel.awaitExit(2);
            if (status != null) {
                return "exit status " + status;
            }
        } catch (IOException e) {
            // then only the signal can tell
        }
        return channel.exitSignal() == null ? "no exit status" : "killed by " + channel.exitSignal();
    }

    private static String newMark() {
        return "LVSPLAY-END-" + Sudo.randomKey();
    }

    // for BecomeShellStart, which owns the sudo handshake before the first frame
    Object lock() {
        return lock;
    }

    StreamTail out() {
        return out;
    }

    StreamTail err() {
        return err;
    }

    ShellChannel channel() {
        return channel;
    }

    String hostName() {
        return host;
    }

    @Override
    public void close() {
        dead = true;
        channel.close();
    }

    /** The host's shell cannot be kept open: commands go one channel each. */
    static final class NotKept extends RuntimeException {
        NotKept(String reason) {
            super(reason);
        }
    }
}
