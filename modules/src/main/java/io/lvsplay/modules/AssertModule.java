package io.lvsplay.modules;

import io.lvsplay.engine.exec.TaskResult;
import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.Results;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fails the task when one of the {@code that} conditions is false. The conditions are bare
 * Jinja2 expressions, evaluated by the executor's templating like {@code when:}.
 * Unless {@code quiet}, the result is shown without -v, as Ansible's assert asks its output to.
 */
public final class AssertModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("that", Type.LIST)
            .arg("fail_msg", Type.RAW).alias("msg", "fail_msg")
            .arg("success_msg", Type.RAW)
            .arg("quiet", Type.BOOL, false);

    @Override
    public String name() {
        return "assert";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public java.util.Set<String> conditionArgs() {
        return java.util.Set.of("that");
    }

    @Override
    public Set<Trait> traits() {
        return EnumSet.of(Trait.RUNS_ON_CONTROLLER, Trait.SUPPORTS_CHECK_MODE);
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        Map<String, Object> shown = args.bool("quiet", false) ? Map.of() : Map.of(TaskResult.VERBOSE_ALWAYS, true);
        Object that = args.raw("that");
        // a single condition may contain commas ("a in [1, 2]"): only a YAML list is a list here
        List<?> conditions = that instanceof List<?> l ? l : List.of(that);
        for (Object condition : conditions) {
            boolean holds = condition instanceof Boolean b ? b : ctx.evaluateCondition(String.valueOf(condition));
            if (!holds) {
                Object msg = args.raw("fail_msg");
                throw new ModuleFailure(msg == null ? "Assertion failed" : String.valueOf(msg),
                        merged(shown, Results.of("assertion", condition, "evaluated_to", false)));
            }
        }
        Object success = args.raw("success_msg");
        return Plan.unchanged(merged(shown, Results.of("msg", success == null ? "All assertions passed" : success)));
    }

    private static Map<String, Object> merged(Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> out = new LinkedHashMap<>(first);
        out.putAll(second);
        return out;
    }
}
