package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.util.EnumSet;
import java.util.Set;

/** Fails the task with a message: the playbook's own "stop here". */
public final class FailModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of().arg("msg", Type.RAW, "Failed as requested from task");

    @Override
    public String name() {
        return "fail";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Set<Trait> traits() {
        return EnumSet.of(Trait.RUNS_ON_CONTROLLER, Trait.SUPPORTS_CHECK_MODE);
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        throw new ModuleFailure(args.str("msg"));
    }
}
