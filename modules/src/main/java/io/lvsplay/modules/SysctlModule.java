package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.Probe;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.FileContentPlanner.DesiredFile;
import io.lvsplay.modules.FileContentPlanner.ExistingFile;
import io.lvsplay.modules.support.Results;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A kernel parameter in a sysctl file (one line per key) and, with sysctl_set, in the running
 * kernel. The file, its stat and the live value are read with one command.
 */
public final class SysctlModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("name", Type.STR).alias("key", "name")
            .arg("value", Type.RAW).alias("val", "value")
            .choice("state", "present", "present", "absent")
            .arg("sysctl_file", Type.PATH, "/etc/sysctl.conf")
            .arg("reload", Type.BOOL, true)
            .arg("sysctl_set", Type.BOOL, false)
            .arg("ignoreerrors", Type.BOOL, false);
    private static final String SEPARATOR = "\n--lvsplay-sysctl--\n";

    @Override
    public String name() {
        return "sysctl";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.sysctl", "ansible.posix.sysctl", "ansible.legacy.sysctl");
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String key = args.str("name").strip();
        if (key.isEmpty()) {
            throw new ModuleFailure("name cannot be blank");
        }
        boolean present = "present".equals(args.str("state"));
        String value = present ? desiredValue(args.raw("value"), key) : null;
        String file = args.str("sysctl_file");
        boolean set = present && args.bool("sysctl_set", false);
        boolean ignoreErrors = args.bool("ignoreerrors", false);
        SysctlState state = read(ctx.host(), key, file, set);

        List<String> lines = SysctlFileEdit.apply(TextLines.split(state.file().text()), key, value);
        byte[] content = TextLines.join(lines).getBytes(StandardCharsets.UTF_8);
        List<Change> changes = new ArrayList<>(FileContentPlanner.plan(state.file(),
                new DesiredFile(file, content, new FileAttributes(null, null, null), false, null)));
        boolean fileChanges = !changes.isEmpty();
        boolean reload = fileChanges && args.bool("reload", true);
        if (set) {
            // when the file is reloaded anyway, "sysctl -p" sets the value: one round trip less
            liveChange(key, value, state, ignoreErrors, ctx.hostName(), reload).ifPresent(changes::add);
        }
        if (reload) {
            changes.add(reload(file, ignoreErrors));
        }
        return Plan.changes(changes, Results.of("name", key, "value", value, "sysctl_file", file));
    }

    @Override
    public List<Probe> probes(ModuleArgs args) {
        boolean present = "present".equals(args.str("state"));
        return List.of(Probe.command(readScript(args.str("name").strip(), args.str("sysctl_file"),
                present && args.bool("sysctl_set", false))));
    }

    /* Ansible writes booleans as 1/0 and strips surrounding blanks. */
    static String desiredValue(Object raw, String key) {
        if (raw == null) {
            throw new ModuleFailure("value cannot be None");
        }
        if (raw instanceof Boolean b) {
            return b ? "1" : "0";
        }
        String s = String.valueOf(raw).strip();
        return switch (s.toLowerCase()) {
            case "yes", "true", "on", "y", "t" -> "1";
            case "no", "false", "off", "n", "f" -> "0";
            default -> s;
        };
    }

    private record SysctlState(ExistingFile file, boolean liveKnown, String live, String liveError) {}

    /*
     * One round trip: the live value (when needed), its exit code, the file's stat and its bytes,
     * separated by a marker line. A missing file prints only the absence mark.
     */
    private static SysctlState read(RemoteHost host, String key, String file, boolean wantLive) {
        ExecResult r = host.run(readScript(key, file, wantLive));
        String out = r.stdout();
        String[] parts = out.split(java.util.regex.Pattern.quote(SEPARATOR), 3);
        if (!r.ok() || parts.length < 2) {
            throw new ModuleFailure("cannot read " + file + " on " + host.hostName() + ": " + r.stderr().strip());
        }
        String[] liveParts = parts[0].split("\n", 2);
        boolean liveOk = liveParts[0].equals("0");
        String liveText = liveParts.length > 1 ? liveParts[1] : "";
        ExistingFile existing;
        if (parts.length == 2 && parts[1].equals("absent")) {
            existing = new ExistingFile(FileStat.absent(file), null);
        } else {
            String[] s = parts[1].strip().split("\\|");
            String mode = "0".repeat(Math.max(0, 4 - s[0].length())) + s[0];
            byte[] bytes = parts.length > 2 ? parts[2].getBytes(StandardCharsets.UTF_8) : new byte[0];
            existing = new ExistingFile(new FileStat(file, "file", mode, s[1], s[2], bytes.length, null), bytes);
        }
        return new SysctlState(existing, liveOk, liveOk ? liveText : null, liveOk ? null : liveText);
    }

    private static String readScript(String key, String file, boolean wantLive) {
        String f = ShellQuote.quote(file);
        String live = wantLive
                ? "v=$(sysctl -n -- " + ShellQuote.quote(key) + " 2>&1); printf '%s\\n%s' \"$?\" \"$v\"; "
                : "printf '0\\n'; ";
        String sep = ShellQuote.quote(SEPARATOR);
        return "export LC_ALL=C; " + live + "printf %s " + sep + "; "
                + "if [ -e " + f + " ]; then stat -c '%a|%U|%G' -- " + f + " && printf %s " + sep
                + " && cat -- " + f + "; else printf absent; fi";
    }

    private static java.util.Optional<Change> liveChange(String key, String value, SysctlState state,
                                                         boolean ignoreErrors, String hostName, boolean reloadFollows) {
        if (!state.liveKnown()) {
            if (ignoreErrors) {
                return java.util.Optional.empty();
            }
            throw new ModuleFailure("sysctl key " + key + " is unknown on " + hostName + ": " + state.liveError().strip());
        }
        if (SysctlFileEdit.normalize(state.live()).equals(SysctlFileEdit.normalize(value))) {
            return java.util.Optional.empty();
        }
        String cmd = "sysctl -w " + ShellQuote.quote(key + "=" + value);
        Change change = Change.named("set " + key + " in the running kernel",
                Diff.of("sysctl " + key + " (running kernel)", state.live().strip() + "\n", value + "\n"));
        if (reloadFollows) {
            // the reload that follows sets the running value
            return java.util.Optional.of(change);
        }
        return java.util.Optional.of(change.then(RemoteCommand.of(cmd), (r, host) -> {
            if (!r.ok() && !ignoreErrors) {
                throw new ModuleFailure("setting " + key + " failed: " + r.stderr().strip(),
                        Results.of("rc", r.exitCode(), "stderr", r.stderr()));
            }
            return Map.of();
        }));
    }

    private static Change reload(String file, boolean ignoreErrors) {
        String cmd = "sysctl " + (ignoreErrors ? "-e " : "") + "-p " + ShellQuote.quote(file);
        return Change.named("reload " + file).then(RemoteCommand.of(cmd), (r, host) -> {
            if (!r.ok()) {
                throw new ModuleFailure("Failed to reload sysctl: " + (r.stdout() + r.stderr()).strip(),
                        Results.of("rc", r.exitCode(), "stdout", r.stdout(), "stderr", r.stderr()));
            }
            return Map.of();
        });
    }
}
