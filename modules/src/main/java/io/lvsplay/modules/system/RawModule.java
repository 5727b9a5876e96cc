package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.support.Results;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Ansible's raw: the free-form text run by the host's login shell (or {@code executable -c}),
 * always changed, and like Ansible's skipped in --check. Nothing needs Python on the host here
 * anyway; raw is for playbooks that bootstrap with it.
 */
public final class RawModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of().freeForm().arg("executable", Type.STR);

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Set<Trait> traits() {
        return EnumSet.noneOf(Trait.class);
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String text = args.rawParams();
        if (text == null || text.isBlank()) {
            throw new ModuleFailure("no command given");
        }
        String executable = args.str("executable");
        String command = executable == null ? text : ShellQuote.quote(executable) + " -c " + ShellQuote.quote(text);
        return Plan.change(Change.named("run " + text).then(RemoteCommand.of(command), (r, host) -> {
            var result = Results.of("rc", r.exitCode(), "stdout", r.stdout(), "stdout_lines",
                    List.of(r.stdout().split("\r?\n", -1)).stream().filter(l -> !l.isEmpty()).toList(),
                    "stderr", r.stderr(), "stderr_lines", Results.lines(r.stderr().strip()));
            if (!r.ok()) {
                throw new ModuleFailure("non-zero return code", result);
            }
            return result;
        })).skippedInCheckMode();
    }
}
