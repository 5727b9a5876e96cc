package io.lvsplay.engine.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Starts a persistent shell as another user through sudo. The password is written only after
 * sudo's unique prompt appears on stderr, and nothing else is written before the ready line: so
 * the password never reaches the shell and no command ever reaches sudo's password reader.
 */
final class SudoShellStart {
    /** Either a shell, or how sudo refused (its exit status and stderr, for the caller to explain). */
    record Outcome(FramedShell shell, ExecResult refusal) {
    }

    private SudoShellStart() {
    }

    static Outcome start(ShellChannel.Opener opener, Sudo sudo, String host, int timeoutSeconds) throws IOException {
        String key = Sudo.randomKey();
        PromptReply reply = sudo.reply(key);
        FramedShell shell = new FramedShell(opener.open(sudo.wrap("exec /bin/sh", key)), host);
        try {
            ExecResult refusal = handshake(shell, reply, System.nanoTime() + timeoutSeconds * 1_000_000_000L, timeoutSeconds);
            if (refusal != null) {
                shell.close();
                return new Outcome(null, refusal);
            }
        } catch (RuntimeException e) {
            shell.close();
            throw e;
        }
        shell.probe();
        return new Outcome(shell, null);
    }

    private static ExecResult handshake(FramedShell shell, PromptReply reply, long deadline, int timeoutSeconds)
            throws IOException {
        byte[] ready = (reply.readyMarker() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] prompt = reply.prompt().getBytes(StandardCharsets.UTF_8);
        StreamTail out = shell.out();
        StreamTail err = shell.err();
        boolean answered = false;
        synchronized (shell.lock()) {
            while (true) {
                int at = out.indexOf(ready);
                if (at >= 0) {
                    out.take(at + ready.length);
                    return null;
                }
                int promptAt = err.indexOf(prompt);
                if (promptAt >= 0) {
                    if (answered) {
                        throw new BecomeRefused("the become password was refused");
                    }
                    if (reply.password() == null) {
                        throw new BecomeRefused("a password is required");
                    }
                    err.take(promptAt + prompt.length);
                    shell.channel().stdin().write((reply.password() + "\n").getBytes(StandardCharsets.UTF_8));
                    shell.channel().stdin().flush();
                    answered = true;
                    continue;
                }
                if (out.ended() && err.ended()) {
                    Integer status = shell.channel().awaitExit(5);
                    return new ExecResult(status == null ? 1 : status, out.take(out.length()), err.take(err.length()));
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new CommandTimedOut("become on " + shell.hostName() + " did not answer within "
                            + timeoutSeconds + " seconds");
                }
                try {
                    shell.lock().wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CommandTimedOut("interrupted while becoming another user on " + shell.hostName());
                }
            }
        }
    }
}
