package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.transport.ExecResult;
import java.util.Map;

/** Proves the host can be reached and runs commands (as the become user, if any). */
public final class PingModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of().arg("data", Type.STR, "pong");

    @Override
    public String name() {
        return "ping";
    }


    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String data = args.str("data");
        if (data.equals("crash")) {
            // Ansible's ping raises Exception('boom'): a module failure with the exception on stderr
            throw new ModuleFailure("MODULE FAILURE\nSee stdout/stderr for the exact error", Map.of(
                    "module_stdout", "", "module_stderr", "Exception: boom\n", "rc", 1));
        }
        ExecResult r = ctx.host().run("echo pong");
        if (!r.ok() || !r.stdout().strip().equals("pong")) {
            throw new ModuleFailure("ping on " + ctx.hostName() + " could not run a command: "
                    + (r.stdout() + r.stderr()).strip(), Map.of("rc", r.exitCode()));
        }
        return Plan.unchanged(Map.of("ping", data));
    }
}
