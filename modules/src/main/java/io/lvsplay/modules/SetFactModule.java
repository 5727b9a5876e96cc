package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sets host variables: the result's {@code ansible_facts} is merged into the host's vars by the
 * executor (as for any module); {@code _ansible_facts_cacheable} carries the cacheable flag.
 */
public final class SetFactModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of().anyArgs().arg("cacheable", Type.BOOL, false);

    @Override
    public String name() {
        return "set_fact";
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
        Map<String, Object> facts = new LinkedHashMap<>(args.all());
        facts.remove("cacheable");
        if (facts.isEmpty()) {
            throw new ModuleFailure("No key/value pairs provided, at least one is required for this action to succeed");
        }
        for (String key : facts.keySet()) {
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ModuleFailure("The variable name '" + key + "' is not valid. Variables must start with a letter "
                        + "or underscore character, and contain only letters, numbers and underscores.");
            }
        }
        // as Ansible's set_fact without jinja2_native: the strings true/false/yes/no become booleans
        facts.replaceAll((key, value) -> value instanceof CharSequence text
                && Set.of("true", "false", "yes", "no").contains(text.toString().toLowerCase(Locale.ROOT))
                ? Set.of("true", "yes").contains(text.toString().toLowerCase(Locale.ROOT)) : value);
        return Plan.unchanged(Map.of("ansible_facts", facts,
                "_ansible_facts_cacheable", args.bool("cacheable", false)));
    }
}
