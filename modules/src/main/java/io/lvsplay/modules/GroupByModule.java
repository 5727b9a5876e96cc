package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.Results;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Puts the host into a group named by {@code key} (under {@code parents}, default "all"). As
 * Ansible's action plugin it only names the group (spaces become dashes) in the result's
 * add_group / parent_groups; the executor changes the in-memory inventory and says if that changed it.
 */
public final class GroupByModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("key", Type.STR)
            .arg("parents", Type.LIST, List.of("all"));

    @Override
    public String name() {
        return "group_by";
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
        List<String> parents = args.list("parents").stream().map(p -> String.valueOf(p).replace(' ', '-')).toList();
        return Plan.unchanged(Results.of("add_group", args.str("key").replace(' ', '-'), "parent_groups", parents));
    }
}
