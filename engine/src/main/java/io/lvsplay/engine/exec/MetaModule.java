package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.Plan;
import java.util.List;

/**
 * {@code meta: flush_handlers} and friends. The executor acts on these itself; this class only lets
 * the loader recognise and validate them.
 */
public final class MetaModule implements Module {
    static final List<String> ACTIONS = List.of("flush_handlers", "noop", "end_play", "end_host", "end_batch",
            "clear_host_errors", "refresh_inventory", "reset_connection", "clear_facts");

    @Override
    public String name() {
        return "meta";
    }

    @Override
    public ArgSpec argSpec() {
        return ArgSpec.of().freeForm();
    }

    @Override
    public java.util.Set<Trait> traits() {
        return java.util.EnumSet.of(Trait.RUNS_ON_CONTROLLER, Trait.SUPPORTS_CHECK_MODE, Trait.META_ACTION);
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        return Plan.unchanged();
    }
}
