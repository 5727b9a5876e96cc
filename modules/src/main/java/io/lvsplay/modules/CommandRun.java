package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * What command and shell share: the creates/removes guards, chdir, stdin, and the result fields
 * rc/stdout/stderr/... . A command always counts as changed; it cannot be predicted, so check
 * mode skips it.
 */
final class CommandRun {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private CommandRun() {
    }

    static ArgSpec commonSpec() {
        return ArgSpec.of().freeForm()
                .arg("cmd", Type.STR)
                .arg("creates", Type.PATH)
                .arg("removes", Type.PATH)
                .arg("chdir", Type.PATH)
                .arg("stdin", Type.STR)
                .arg("stdin_add_newline", Type.BOOL, true)
                .arg("strip_empty_ends", Type.BOOL, true);
    }

    /**
     * The plan for running {@code commandLine} (already a shell command line); {@code shown} is
     * the "cmd" result field (argv list for command, the string for shell).
     */
    static Plan plan(ModuleArgs args, ModuleContext ctx, String commandLine, Object shown) {
        String chdir = args.str("chdir");
        String skip = guardMessage(ctx.host(), args.str("creates"), args.str("removes"), chdir);
        if (skip != null) {
            return Plan.unchanged(Fields.of("cmd", shown, "rc", 0, "stdout", skip, "stderr", "",
                    "msg", skip));
        }
        String full = chdir == null ? commandLine
                : "cd -- " + ShellQuote.quote(chdir) + " || exit 1\n" + commandLine;
        byte[] stdin = stdinBytes(args);
        boolean strip = args.bool("strip_empty_ends", true);
        return Plan.change(Change.of("run " + (shown instanceof List<?> l ? ShellQuote.join(asStrings(l)) : shown),
                host -> execute(host, full, stdin, shown, strip))).skippedInCheckMode();
    }

    private static String guardMessage(RemoteHost host, String creates, String removes, String chdir) {
        if (creates != null && host.stat(relativeTo(chdir, creates)).exists()) {
            return "skipped, since " + creates + " exists";
        }
        if (removes != null && !host.stat(relativeTo(chdir, removes)).exists()) {
            return "skipped, since " + removes + " does not exist";
        }
        return null;
    }

    private static String relativeTo(String chdir, String path) {
        return chdir == null || path.startsWith("/") ? path : chdir + "/" + path;
    }

    private static byte[] stdinBytes(ModuleArgs args) {
        String stdin = args.str("stdin");
        if (stdin == null) {
            return new byte[0];
        }
        if (args.bool("stdin_add_newline", true)) {
            stdin += "\n";
        }
        return stdin.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> execute(RemoteHost host, String command, byte[] stdin, Object shown,
                                               boolean strip) {
        LocalDateTime start = LocalDateTime.now();
        ExecResult r = host.run(command, stdin);
        LocalDateTime end = LocalDateTime.now();
        String stdout = strip ? stripTrailingNewlines(r.stdout()) : r.stdout();
        String stderr = strip ? stripTrailingNewlines(r.stderr()) : r.stderr();
        Map<String, Object> result = Fields.of(
                "cmd", shown,
                "rc", r.exitCode(),
                "stdout", stdout,
                "stderr", stderr,
                "stdout_lines", lines(stdout),
                "stderr_lines", lines(stderr),
                "start", TIME.format(start),
                "end", TIME.format(end),
                "delta", delta(Duration.between(start, end)));
        if (!r.ok()) {
            throw new ModuleFailure("non-zero return code", result);
        }
        return result;
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }

    private static String delta(Duration d) {
        long micros = d.toNanos() / 1000;
        return String.format("%d:%02d:%02d.%06d", micros / 3_600_000_000L, micros / 60_000_000 % 60,
                micros / 1_000_000 % 60, micros % 1_000_000);
    }

    static List<String> asStrings(List<?> list) {
        return list.stream().map(String::valueOf).toList();
    }
}
