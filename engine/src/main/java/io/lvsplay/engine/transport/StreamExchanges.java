package io.lvsplay.engine.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One command's conversation over three streams (an SSH channel or a local process): stdout and
 * stderr are drained on their own threads while stdin is written, so a command that stops reading
 * (a full disk, an early exit) cannot block us. Everything happens before a deadline; when it
 * passes, {@code abort} closes the channel and the caller learns it from {@link CommandTimedOut}.
 *
 * <p>With a {@link PromptReply}, nothing is written until the command either prints the ready
 * marker (no password needed) or sudo/su prints its prompt (then the password, once).
 */
public final class StreamExchanges {
    private final Object lock = new Object();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private int openStreams = 2;
    private IOException readFailure;

    private StreamExchanges() {
    }

    /** The bytes the command printed; throws on a broken stream or a passed deadline. */
    public static byte[][] run(OutputStream stdin, InputStream stdout, InputStream stderr, byte[] input,
                        ExecOptions options, Runnable abort, String host) throws IOException {
        StreamExchanges exchange = new StreamExchanges();
        long deadline = System.nanoTime() + options.timeoutSeconds() * 1_000_000_000L;
        exchange.pump(stdout, exchange.out, "stdout");
        exchange.pump(stderr, exchange.err, "stderr");
        int skipOut = 0;
        int skipErr = 0;
        if (options.become() != null) {
            int[] skips = exchange.answerPrompt(stdin, options.become(), deadline, abort, host, options);
            skipOut = skips[0];
            skipErr = skips[1];
        }
        Thread writer = new Thread(() -> feed(stdin, input), "lvsplay-stdin-" + host);
        writer.setDaemon(true);
        writer.start();
        exchange.awaitClosed(deadline, abort, host, options);
        synchronized (exchange.lock) {
            byte[] o = exchange.out.toByteArray();
            byte[] e = exchange.err.toByteArray();
            return new byte[][] {Arrays.copyOfRange(o, skipOut, o.length), Arrays.copyOfRange(e, skipErr, e.length)};
        }
    }

    private void pump(InputStream in, ByteArrayOutputStream sink, String name) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[32 * 1024];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (lock) {
                        sink.write(buffer, 0, n);
                        lock.notifyAll();
                    }
                }
            } catch (IOException e) {
                synchronized (lock) {
                    readFailure = e;
                }
            } finally {
                synchronized (lock) {
                    openStreams--;
                    lock.notifyAll();
                }
            }
        }, "lvsplay-" + name);
        t.setDaemon(true);
        t.start();
    }

    private static void feed(OutputStream stdin, byte[] input) {
        try (stdin) {
            if (input != null && input.length > 0) {
                stdin.write(input);
                stdin.flush();
            }
        } catch (IOException e) {
            // the command exited (or the channel closed) before reading all of its input: its
            // exit status and stderr tell why
        }
    }

    /** Returns how many leading stdout/stderr bytes belong to the become handshake. */
    private int[] answerPrompt(OutputStream stdin, PromptReply reply, long deadline, Runnable abort, String host,
                               ExecOptions options) throws IOException {
        byte[] ready = (reply.readyMarker() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] prompt = reply.prompt().getBytes(StandardCharsets.UTF_8);
        boolean answered = false;
        synchronized (lock) {
            while (true) {
                byte[] o = out.toByteArray();
                int at = indexOf(o, ready, 0);
                byte[] e = err.toByteArray();
                int promptAt = indexOf(e, prompt, 0);
                int skipErr = promptAt < 0 ? 0 : promptAt + prompt.length;
                if (at >= 0) {
                    return new int[] {at + ready.length, skipErr};
                }
                if (promptAt >= 0 && indexOf(e, prompt, promptAt + prompt.length) >= 0) {
                    abort.run();
                    throw new BecomeRefused("the become password was refused");
                }
                if (promptAt >= 0 && !answered) {
                    if (reply.password() == null) {
                        abort.run();
                        throw new BecomeRefused("a password is required");
                    }
                    stdin.write((reply.password() + "\n").getBytes(StandardCharsets.UTF_8));
                    stdin.flush();
                    answered = true;
                }
                if (openStreams < 2 || readFailure != null) {
                    // the command ended before becoming the user: it prints why on stderr
                    return new int[] {0, skipErr};
                }
                waitUntil(deadline, abort, host, options);
            }
        }
    }

    private void awaitClosed(long deadline, Runnable abort, String host, ExecOptions options) throws IOException {
        synchronized (lock) {
            while (openStreams > 0) {
                waitUntil(deadline, abort, host, options);
            }
            if (readFailure != null) {
                throw readFailure;
            }
        }
    }

    private void waitUntil(long deadline, Runnable abort, String host, ExecOptions options) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            abort.run();
            throw new CommandTimedOut("The command on " + host + " exceeded the timeout of "
                    + options.timeoutSeconds() + " seconds and was stopped");
        }
        try {
            lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort.run();
            throw new CommandTimedOut("interrupted while waiting for a command on " + host);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
