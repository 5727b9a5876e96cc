package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a message or a variable; below its {@code verbosity} (the run's -v count, as
 * ansible_verbosity) the task is skipped, as in Ansible.
 */
public final class DebugModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .arg("msg", Type.RAW)
            .arg("var", Type.STR)
            .arg("verbosity", Type.INT, 0)
            .mutuallyExclusive("msg", "var");

    @Override
    public String name() {
        return "debug";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.EnumSet.of(Trait.RUNS_ON_CONTROLLER, Trait.SUPPORTS_CHECK_MODE, Trait.SHOWS_RESULT);
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        Object level = ctx.vars().get("ansible_verbosity");
        if (args.integer("verbosity", 0) > (level instanceof Number n ? n.intValue() : 0)) {
            // Ansible's debug action skips the task below its verbosity
            return Plan.unchanged(Map.of("skipped", true, "skipped_reason", "Verbosity threshold not met."));
        }
        String var = args.str("var");
        if (var == null) {
            Object msg = args.raw("msg");
            return Plan.unchanged(Map.of("msg", msg == null ? "Hello world!" : msg));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            Object value = ctx.evaluate(var);
            result.put(var, value == null ? "VARIABLE IS NOT DEFINED!" : value);
        } catch (ModuleFailure undefined) {
            result.put(var, "VARIABLE IS NOT DEFINED!");
        }
        return Plan.unchanged(result);
    }
}
