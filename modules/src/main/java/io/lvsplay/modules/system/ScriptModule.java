package io.lvsplay.modules.system;

import io.lvsplay.engine.inventory.ShellWords;
import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.module.ResultReader;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.support.Results;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Ansible's script: a controller file (looked up in files/) copied to a fresh temp directory on the
 * host and run there with the rest of the free-form line as its arguments, then removed. Like
 * Ansible's action: creates/removes are plain existence tests that skip the task, check mode runs
 * nothing (changed with creates/removes, else skipped), and a non-zero rc fails.
 */
public final class ScriptModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of().freeForm()
            .arg("cmd", Type.STR)
            .arg("creates", Type.STR)
            .arg("removes", Type.STR)
            .arg("chdir", Type.STR)
            .arg("executable", Type.STR)
            .notSupportedBecause("decrypt", "vault-encrypted scripts are not supported");

    @Override
    public String name() {
        return "script";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Set<Trait> traits() {
        return EnumSet.of(Trait.SUPPORTS_CHECK_MODE);
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        RemoteHost host = ctx.host();
        String creates = args.str("creates");
        String removes = args.str("removes");
        if (creates != null && exists(host, creates)) {
            return skipped(creates + " exists, matching creates option");
        }
        if (removes != null && !exists(host, removes)) {
            return skipped(removes + " does not exist, matching removes option");
        }
        String chdir = args.str("chdir");
        if (chdir != null && !chdir.startsWith("/")) {
            throw new ModuleFailure("chdir " + chdir + " must be an absolute path for a Unix-aware remote node");
        }
        String line = args.rawParams() == null || args.rawParams().isBlank() ? args.str("cmd") : args.rawParams();
        if (line == null || line.isBlank()) {
            throw new ModuleFailure("script needs the path of a local script (free form or cmd)");
        }
        line = line.strip();
        String source = ShellWords.split(line, false).get(0);
        Path local = ctx.findFile(source, "files");
        byte[] content = read(local);
        String name = local.getFileName().toString();
        String executable = args.str("executable");
        Plan plan = Plan.change(run(line, source, content, name, executable, chdir));
        // check mode: with creates/removes the task would have run (changed), otherwise it is skipped
        return !ctx.checkMode() || creates != null || removes != null ? plan
                : plan.withResult(Results.of("msg", "Check mode is not supported for this task.")).skippedInCheckMode();
    }

    private static Plan skipped(String msg) {
        return Plan.unchanged(Results.of("skipped", true, "msg", msg));
    }

    private static boolean exists(RemoteHost host, String path) {
        return host.run("[ -e " + ShellQuote.quote(path) + " ]").ok();
    }

    private static byte[] read(Path local) {
        try {
            return Files.readAllBytes(local);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + local, e);
        }
    }

    /*
     * Two steps: the script goes (on stdin) into a new private directory, then runs there and the
     * directory is removed whatever its exit code. The directory's name is fixed while planning, so
     * the script path is replaced in the line as Ansible does (every occurrence), which keeps the
     * arguments' quoting.
     */
    private static Change run(String line, String source, byte[] content, String name, String executable, String chdir) {
        String dir = "/tmp/lvsplay-script." + UUID.randomUUID();
        String remote = dir + "/" + name;
        String q = ShellQuote.quote(remote);
        String command = line.replace(source, remote);
        if (executable != null) {
            command = executable + " " + command;
        }
        if (chdir != null) {
            command = "cd " + ShellQuote.quote(chdir) + " && " + command;
        }
        String copy = "umask 077 && mkdir -- " + ShellQuote.quote(dir) + " && { cat > " + q + " && chmod 0700 " + q
                + " || { rm -rf -- " + ShellQuote.quote(dir) + "; exit 1; }; }";
        String execute = "( " + command + " ); lvsplay_rc=$?; rm -rf -- " + ShellQuote.quote(dir) + "; exit $lvsplay_rc";
        return Change.named("run script " + line)
                .then(RemoteCommand.of(copy, content), ResultReader.failUnlessOk("cannot copy the script to a temporary directory"))
                .then(RemoteCommand.of(execute), (r, host) -> {
                    Map<String, Object> result = Results.of("rc", r.exitCode(), "stdout", r.stdout(), "stderr", r.stderr(),
                            "stdout_lines", lines(r.stdout()), "stderr_lines", lines(r.stderr()));
                    if (!r.ok()) {
                        throw new ModuleFailure("non-zero return code", result);
                    }
                    return result;
                });
    }

    /* Python's str.splitlines: no empty last line for a trailing newline. */
    private static List<String> lines(String text) {
        List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
        return lines.subList(0, lines.get(lines.size() - 1).isEmpty() ? lines.size() - 1 : lines.size());
    }
}
