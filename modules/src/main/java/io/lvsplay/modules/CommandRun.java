package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.module.ResultReader;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
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
                .arg("strip_empty_ends", Type.BOOL, true)
                .notSupportedBecause("warn", "Ansible 2.14 removed it too; delete the argument");
    }

    /**
     * The plan for running {@code commandLine} (already a shell command line); {@code shown} is
     * the "cmd" result field (argv list for command, the string for shell).
     */
    static Plan plan(ModuleArgs args, ModuleContext ctx, String commandLine, Object shown) {
        String chdir = args.str("chdir");
        String creates = args.str("creates");
        String removes = args.str("removes");
        String skip = guardMessage(ctx.host(), chdir, creates, removes);
        if (skip != null) {
            return Plan.unchanged(Results.of("cmd", shown, "rc", 0, "stdout", skip, "stderr", "",
                    "msg", skip));
        }
        // -P: like Ansible's os.chdir, $PWD is the physical directory (symlinks resolved)
        String full = chdir == null ? commandLine
                : "cd -P -- " + ShellQuote.quote(chdir) + " || exit 1\n" + commandLine;
        byte[] stdin = stdinBytes(args);
        boolean strip = args.bool("strip_empty_ends", true);
        Plan plan = Plan.change(Change.named("run " + (shown instanceof List<?> l ? ShellQuote.join(asStrings(l)) : shown))
                .then(RemoteCommand.of(full, stdin), ResultReader.timed((r, host, start, end) -> read(r, start, end, shown, strip))));
        if (ctx.checkMode()) {
            plan = plan.withResult(Results.of("msg", "Command would have run if not in check mode", "rc", 0));
        }
        // with creates/removes Ansible reports the run as changed in check mode; without, as skipped
        return creates == null && removes == null ? plan.skippedInCheckMode() : plan;
    }

    /* One host call: chdir must exist (Ansible fails otherwise), creates/removes are glob patterns. */
    private static String guardMessage(RemoteHost host, String chdir, String creates, String removes) {
        if (chdir == null && creates == null && removes == null) {
            return null;
        }
        // the pattern is expanded unsplit, every glob character active, as Python's glob.glob does
        StringBuilder script = new StringBuilder("found() { IFS=; for f in $1; do { [ -e \"$f\" ] || [ -L \"$f\" ]; }"
                + " && return 0; done; return 1; }\n");
        if (chdir != null) {
            script.append("cd -- ").append(ShellQuote.quote(chdir)).append(" 2>/dev/null || exit 3\n");
        }
        if (creates != null) {
            script.append("found ").append(ShellQuote.quote(creates)).append(" && { echo creates; exit 0; }\n");
        }
        if (removes != null) {
            script.append("found ").append(ShellQuote.quote(removes)).append(" || { echo removes; exit 0; }\n");
        }
        ExecResult r = host.run(script.toString());
        if (r.exitCode() == 3) {
            throw new ModuleFailure("Unable to change directory before execution: [Errno 2] No such file or directory: '"
                    + chdir + "'");
        }
        return switch (r.stdout().strip()) {
            case "creates" -> "skipped, since " + creates + " exists";
            case "removes" -> "skipped, since " + removes + " does not exist";
            default -> null;
        };
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

    private static Map<String, Object> read(ExecResult r, LocalDateTime start, LocalDateTime end, Object shown,
                                            boolean strip) {
        String stdout = strip ? stripTrailingNewlines(r.stdout()) : r.stdout();
        String stderr = strip ? stripTrailingNewlines(r.stderr()) : r.stderr();
        Map<String, Object> result = Results.of(
                "cmd", shown,
                "rc", r.exitCode(),
                "stdout", stdout,
                "stderr", stderr,
                "stdout_lines", Results.lines(stdout),
                "stderr_lines", Results.lines(stderr),
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

    private static String delta(Duration d) {
        long micros = d.toNanos() / 1000;
        return String.format("%d:%02d:%02d.%06d", micros / 3_600_000_000L, micros / 60_000_000 % 60,
                micros / 1_000_000 % 60, micros % 1_000_000);
    }

    static List<String> asStrings(List<?> list) {
        return list.stream().map(String::valueOf).toList();
    }
}
