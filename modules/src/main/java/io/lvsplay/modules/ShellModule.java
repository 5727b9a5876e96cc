package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.ShellQuote;
import java.util.Map;

/** Runs a command line through a shell (/bin/sh, or {@code executable}), pipes and all. */
public final class ShellModule implements Module {
    private static final ArgSpec SPEC = CommandRun.commonSpec().arg("executable", Type.PATH);

    @Override
    public String name() {
        return "shell";
    }


    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String line = args.has("cmd") ? args.str("cmd") : args.rawParams();
        if (line == null || line.isBlank()) {
            throw new ModuleFailure("no command given", Map.of("rc", 256));
        }
        String executable = args.str("executable");
        // the connection already runs everything through /bin/sh -c
        String commandLine = executable == null ? line : ShellQuote.quote(executable) + " -c " + ShellQuote.quote(line);
        return CommandRun.plan(args, ctx, commandLine, line);
    }
}
