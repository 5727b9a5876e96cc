package io.lvsplay.engine.transport;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The shells a connection keeps open on its host: one for the login user and one per sudo user,
 * started on first use and reused by every later command (a second one only while the first is
 * busy, e.g. under {@code async}). A shell that timed out or died is dropped and the next command
 * starts a new one. Where no shell can be kept (no /bin/sh answering, a forced command), every
 * command gets a channel of its own, after a one-line warning.
 */
public final class PersistentShells implements AutoCloseable {
    /** LVSPLAY_PERSISTENT_SHELL=0 turns persistent shells off (one channel per command, as before). */
    public static final boolean ENABLED = !"0".equals(System.getenv("LVSPLAY_PERSISTENT_SHELL"));
    /**
     * Input above this size goes on a channel of its own, streamed: inside the shell's script it
     * would be parsed by the shell, and bash (/bin/sh on some systems) reads scripts a byte at a time.
     */
    static final int INLINE_INPUT_LIMIT = 256 * 1024;
    private static final String LOGIN_USER = "";

    private final String host;
    private final ShellChannel.Opener opener;
    private final Consumer<String> warnings;
    private final Map<String, Deque<FramedShell>> idle = new HashMap<>();
    private final AtomicLong starts = new AtomicLong();
    private volatile String notKept;
    private boolean closed;

    public PersistentShells(String host, ShellChannel.Opener opener, boolean enabled, Consumer<String> warnings) {
        this.host = host;
        this.opener = opener;
        this.warnings = warnings;
        this.notKept = enabled ? null : "turned off";
    }

    public ExecResult exec(String command, byte[] stdin, ExecOptions options) {
        if (options.become() != null || notKept != null) {
            return ChannelExec.run(opener, command, stdin, options, host);
        }
        FramedShell shell = lend(LOGIN_USER, () -> {
            FramedShell s = new FramedShell(opener.open("exec /bin/sh"), host);
            s.probe();
            return s;
        });
        Supplier<ExecResult> perChannel = () -> ChannelExec.run(opener, command, stdin, options, host);
        return shell == null ? perChannel.get() : runOn(LOGIN_USER, shell, command, stdin, options, perChannel);
    }

    public ExecResult execAs(Sudo sudo, String command, byte[] stdin, ExecOptions options) {
        if (notKept == null) {
            ExecResult[] refusal = new ExecResult[1];
            FramedShell shell = lend(sudo.user(), () -> {
                SudoShellStart.Outcome o = SudoShellStart.start(opener, sudo, host,
                        Math.min(options.timeoutSeconds(), FramedShell.START_SECONDS * 2));
                refusal[0] = o.refusal();
                return o.shell();
            });
            if (refusal[0] != null) {
                return refusal[0];
            }
            if (shell != null) {
                return runOn(sudo.user(), shell, command, stdin, options, () -> sudoPerChannel(sudo, command, stdin, options));
            }
        }
        return sudoPerChannel(sudo, command, stdin, options);
    }

    private ExecResult sudoPerChannel(Sudo sudo, String command, byte[] stdin, ExecOptions options) {
        String key = Sudo.randomKey();
        return ChannelExec.run(opener, sudo.wrap(command, key), stdin, options.withBecome(sudo.reply(key)), host);
    }

    private ExecResult runOn(String user, FramedShell shell, String command, byte[] stdin, ExecOptions options,
                             Supplier<ExecResult> perChannel) {
        if (stdin != null && stdin.length > 0 && (!shell.feedsInput() || stdin.length > INLINE_INPUT_LIMIT)) {
            giveBack(user, shell);
            return perChannel.get();
        }
        ExecResult result;
        try {
            result = shell.exec(command, stdin, options.timeoutSeconds());
        } catch (RuntimeException e) {
            shell.close();
            throw e;
        }
        giveBack(user, shell);
        return result;
    }

    interface Starter {
        FramedShell start() throws IOException;
    }

    /** An idle live shell for the user, else a new one; null when the host cannot keep one (then all goes per channel). */
    private FramedShell lend(String user, Starter starter) {
        synchronized (this) {
            Deque<FramedShell> shells = idle.computeIfAbsent(user, u -> new ArrayDeque<>());
            for (FramedShell s; (s = shells.poll()) != null; ) {
                if (s.alive()) {
                    return s;
                }
                s.close();
            }
        }
        try {
            starts.incrementAndGet();
            return starter.start();
        } catch (FramedShell.NotKept e) {
            if (notKept == null) {
                notKept = e.getMessage();
                warnings.accept(host + ": cannot keep a shell open (" + e.getMessage()
                        + "); running one SSH channel per command");
            }
            return null;
        } catch (IOException e) {
            throw new TransportException("lost connection to " + host + ": " + e.getMessage(), e);
        }
    }

    private void giveBack(String user, FramedShell shell) {
        synchronized (this) {
            if (!closed && shell.alive()) {
                idle.computeIfAbsent(user, u -> new ArrayDeque<>()).push(shell);
                return;
            }
        }
        shell.close();
    }

    /** Shells started so far (each is one round trip: its probe). */
    public long starts() {
        return starts.get();
    }

    @Override
    public synchronized void close() {
        closed = true;
        idle.values().forEach(shells -> shells.forEach(FramedShell::close));
        idle.clear();
    }
}
