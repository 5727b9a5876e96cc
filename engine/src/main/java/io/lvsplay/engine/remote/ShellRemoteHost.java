package io.lvsplay.engine.remote;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.transport.BecomeRefused;
import io.lvsplay.engine.transport.CommandTimedOut;
import io.lvsplay.engine.transport.Connection;
import io.lvsplay.engine.transport.ExecOptions;
import io.lvsplay.engine.transport.Sudo;
import io.lvsplay.engine.transport.ExecResult;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@link RemoteHost} over one {@link Connection}: every operation is a single shell command,
 * wrapped in sudo when the task becomes another user. Commands force {@code LC_ALL=C} where the
 * error text is parsed, so a host in another language still says "No such file or directory".
 */
public final class ShellRemoteHost implements RemoteHost {
    private static final byte[] NO_INPUT = new byte[0];
    private static final String ABSENT_MARK = "No such file or directory";
    private static final String NOT_A_DIRECTORY = "Not a directory";

    private final Connection connection;
    private final Become become;
    private final ExecOptions options;
    private final TaskDeadline deadline;

    public ShellRemoteHost(Connection connection, Become become) {
        this(connection, become, ExecOptions.DEFAULT, null);
    }

    private ShellRemoteHost(Connection connection, Become become, ExecOptions options, TaskDeadline deadline) {
        this.connection = connection;
        this.become = become == null ? Become.NONE : become;
        this.options = options;
        this.deadline = deadline;
    }

    /** The same connection, as another become user (each task may have its own). */
    public ShellRemoteHost withBecome(Become other) {
        return new ShellRemoteHost(connection, other, options, deadline);
    }

    /** The same connection, every command inside the task's {@code timeout:} (null: none). */
    public ShellRemoteHost withDeadline(TaskDeadline taskDeadline) {
        return new ShellRemoteHost(connection, become, options, taskDeadline);
    }

    @Override
    public String hostName() {
        return connection.hostName();
    }

    @Override
    public ExecResult run(String command) {
        return run(command, NO_INPUT);
    }

    @Override
    public ExecResult run(String command, byte[] stdin) {
        byte[] input = stdin == null ? NO_INPUT : stdin;
        if (deadline != null) {
            return runBefore(deadline, command, input);
        }
        try {
            if (!become.enabled()) {
                return connection.exec(command, input, options);
            }
            ExecResult result = connection.execAs(new Sudo(become.user(), become.password()), command, input, options);
            failOnSudoRefusal(result);
            return result;
        } catch (BecomeRefused e) {
            throw new ModuleFailure("become to '" + become.user() + "' on " + hostName() + " failed: "
                    + e.getMessage() + (become.password() == null
                    ? ": set ansible_become_password or use --ask-become-pass" : ""));
        } catch (CommandTimedOut e) {
            throw new ModuleFailure(e.getMessage());
        }
    }

    /** The same connection and become user, with a per-command deadline. */
    public ShellRemoteHost withTimeout(int seconds) {
        return new ShellRemoteHost(connection, become, new ExecOptions(seconds, null), deadline);
    }

    private ExecResult runBefore(TaskDeadline d, String command, byte[] input) {
        int left = d.secondsLeft();
        if (left <= 0) {
            throw d.failure();
        }
        ShellRemoteHost bounded = new ShellRemoteHost(connection, become,
                new ExecOptions(left + TaskDeadline.GRACE_SECONDS, null), null);
        ExecResult result;
        try {
            result = bounded.run(d.wrap(command, left), input);
        } catch (ModuleFailure e) {
            if (d.passed()) {
                throw d.failure();
            }
            throw e;
        }
        if (d.passed()) {
            throw d.failure();
        }
        return result;
    }

    private void failOnSudoRefusal(ExecResult result) {
        if (result.ok()) {
            return;
        }
        String err = result.stderr();
        if (err.startsWith("sudo: a password is required") || err.startsWith("sudo: a terminal is required")) {
            throw new ModuleFailure("become to '" + become.user() + "' on " + hostName()
                    + " needs a password: set ansible_become_password or use --ask-become-pass ("
                    + err.strip() + ")");
        }
        if (err.contains("incorrect password attempt") || err.startsWith("sudo: no password was provided")) {
            throw new ModuleFailure("become to '" + become.user() + "' on " + hostName()
                    + " failed: the become password was refused (" + err.strip() + ")");
        }
        if (err.contains("is not in the sudoers file") || err.contains("sudo: command not found")
                || err.contains("sudo: not found")) {
            throw new ModuleFailure("become to '" + become.user() + "' on " + hostName()
                    + " failed: " + err.strip());
        }
    }

    @Override
    public Optional<byte[]> readFile(String path) {
        ExecResult r = run("LC_ALL=C cat -- " + ShellQuote.quote(path));
        if (r.ok()) {
            return Optional.of(r.stdoutBytes());
        }
        String err = r.stderr();
        if (err.contains(ABSENT_MARK) || err.contains(NOT_A_DIRECTORY)) {
            return Optional.empty();
        }
        throw new ModuleFailure("cannot read " + path + " on " + hostName() + ": " + err.strip());
    }

    @Override
    public FileStat stat(String path) {
        String q = ShellQuote.quote(path);
        // line 1: type|mode|owner|group|size; line 2 (links only): the target
        ExecResult r = run("LC_ALL=C stat -c '%F|%a|%U|%G|%s' -- " + q
                + " && { if [ -L " + q + " ]; then readlink -- " + q + "; fi; }");
        if (!r.ok()) {
            String err = r.stderr();
            if (err.contains(ABSENT_MARK) || err.contains(NOT_A_DIRECTORY)) {
                return FileStat.absent(path);
            }
            throw new ModuleFailure("cannot stat " + path + " on " + hostName() + ": " + err.strip());
        }
        return parseStat(path, r.stdout());
    }

    private static final byte[] CONTENT_MARK = "\n@@lvsplay-content@@\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** One round trip instead of two: planning a file module on many hosts spends its time in round trips. */
    @Override
    public FileSnapshot snapshot(String path) {
        String q = ShellQuote.quote(path);
        ExecResult r = run("LC_ALL=C; export LC_ALL; stat -c '%F|%a|%U|%G|%s' -- " + q + " || exit $?; "
                + "if [ -L " + q + " ]; then readlink -- " + q + "; fi; printf '\\n@@lvsplay-content@@\\n'; "
                + "if [ -f " + q + " ]; then printf F; cat -- " + q + "; else printf N; fi");
        if (!r.ok()) {
            String err = r.stderr();
            if (err.contains(ABSENT_MARK) || err.contains(NOT_A_DIRECTORY)) {
                return new FileSnapshot(FileStat.absent(path), null);
            }
            throw new ModuleFailure("cannot read " + path + " on " + hostName() + ": " + err.strip());
        }
        byte[] out = r.stdoutBytes();
        int mark = indexOf(out, CONTENT_MARK);
        if (mark < 0) {
            throw new ModuleFailure("unexpected output reading " + path + " on " + hostName());
        }
        FileStat stat = parseStat(path, new String(out, 0, mark, java.nio.charset.StandardCharsets.UTF_8));
        int start = mark + CONTENT_MARK.length;
        // F: a regular file (or a link to one) whose bytes follow; N: nothing to read
        boolean regular = start < out.length && out[start] == 'F';
        byte[] content = regular ? java.util.Arrays.copyOfRange(out, start + 1, out.length) : null;
        return new FileSnapshot(stat, content);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Parses "type|mode|owner|group|size" of stat -c '%F|%a|%U|%G|%s', then a link's target line. */
    public static FileStat parseStat(String path, String output) {
        int newline = output.indexOf('\n');
        String first = newline < 0 ? output : output.substring(0, newline);
        String[] f = first.split("\\|", -1);
        if (f.length != 5) {
            throw new ModuleFailure("unexpected stat output for " + path + ": " + output.strip());
        }
        String type = switch (f[0]) {
            case "regular file", "regular empty file" -> "file";
            case "directory" -> "directory";
            case "symbolic link" -> "link";
            default -> "other";
        };
        String target = null;
        if ("link".equals(type) && newline >= 0) {
            target = output.substring(newline + 1);
            if (target.endsWith("\n")) {
                target = target.substring(0, target.length() - 1);
            }
        }
        return new FileStat(path, type, octal4(f[1]), f[2], f[3], Long.parseLong(f[4]), target);
    }

    private static String octal4(String mode) {
        return "0".repeat(Math.max(0, 4 - mode.length())) + mode;
    }

    /*
     * One command: temp file beside the target (so mv is a rename on the same filesystem),
     * content from stdin, verified (size and SHA-256) before anything else, attributes taken from
     * the old file unless given, then mv over it. A transfer cut short (the session killed, lvsplay
     * killed) ends stdin early: the check fails and the old file stays. The traps remove the temp
     * file on any failure or signal; a temp left by a SIGKILL is removed by the next write.
     */
    @Override
    public void writeFile(String path, byte[] content, String mode, String owner, String group) {
        ExecResult r = run(writeScript(path, content, mode, owner, group), content);
        if (!r.ok()) {
            String err = r.stderr().strip();
            String why = err.contains("mktemp") && err.contains(ABSENT_MARK)
                    ? "the destination directory does not exist (" + err + ")"
                    : err;
            throw new ModuleFailure("cannot write " + path + " on " + hostName() + ": " + why);
        }
    }

    static String writeScript(String path, byte[] content, String mode, String owner, String group) {
        String dest = ShellQuote.quote(path);
        StringBuilder script = new StringBuilder()
                .append("LC_ALL=C; export LC_ALL; set -e; dest=").append(dest).append("; ")
                .append("rm -f -- \"$dest\".lvsplay.??????; ")
                .append("tmp=$(mktemp \"$dest.lvsplay.XXXXXX\"); ")
                .append("trap 'rm -f \"$tmp\"' EXIT; trap 'exit 129' HUP INT TERM PIPE; ")
                .append("cat > \"$tmp\"; ")
                .append("size=$(wc -c < \"$tmp\"); sum=$(sha256sum < \"$tmp\"); ")
                .append("if [ \"$size\" -ne ").append(content.length).append(" ] || [ \"${sum%% *}\" != ")
                .append(sha256(content)).append(" ]; then echo \"incomplete transfer: $size of ")
                .append(content.length).append(" bytes arrived; $dest left unchanged\" >&2; exit 1; fi; ")
                .append("if [ -e \"$dest\" ]; then chmod --reference=\"$dest\" \"$tmp\"; ")
                .append("chown --reference=\"$dest\" \"$tmp\" 2>/dev/null || true; else chmod 0644 \"$tmp\"; fi; ");
        if (mode != null) {
            script.append("chmod ").append(ShellQuote.quote(mode)).append(" \"$tmp\"; ");
        }
        if (owner != null) {
            script.append("chown ").append(ShellQuote.quote(owner)).append(" \"$tmp\"; ");
        }
        if (group != null) {
            script.append("chgrp ").append(ShellQuote.quote(group)).append(" \"$tmp\"; ");
        }
        // a bind-mounted file (a container's /etc/hosts, /etc/resolv.conf) cannot be renamed over:
        // rename fails with EBUSY, and the only way left is to write it in place
        script.append("err=$(mv -f \"$tmp\" \"$dest\" 2>&1) || case \"$err\" in ")
                .append("*busy*) cat \"$tmp\" > \"$dest\"; chmod --reference=\"$tmp\" \"$dest\"; ")
                .append("chown --reference=\"$tmp\" \"$dest\" 2>/dev/null || true ;; ")
                .append("*) echo \"$err\" >&2; exit 1 ;; esac");
        return script.toString();
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
