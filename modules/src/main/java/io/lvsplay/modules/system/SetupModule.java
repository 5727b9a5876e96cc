package io.lvsplay.modules.system;

import io.lvsplay.engine.facts.FactGatherer;
import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.Results;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * setup as an explicit task: the facts the play's own gathering collects (one script, one round
 * trip), as ansible_facts with Ansible's ansible_ names, kept to the names matching {@code filter}
 * (shell-style patterns, with or without the ansible_ prefix). lvsplay gathers one set of facts, so
 * gather_subset accepts only "all"; fact_path (local facts) and gather_timeout are refused.
 */
public final class SetupModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .arg("gather_subset", Type.LIST).elements(Type.STR).choices("all").defaultValue(List.of("all"))
            .arg("filter", Type.LIST).elements(Type.STR).defaultValue(List.of())
            .notSupported("fact_path", "gather_timeout");

    @Override
    public String name() {
        return "setup";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        Map<String, Object> facts = new FactGatherer().gather(ctx.host());
        List<PathMatcher> filters = args.list("filter").stream()
                .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        facts.forEach((name, value) -> {
            String full = "ansible_" + name;
            if (filters.isEmpty() || filters.stream().anyMatch(f -> f.matches(Path.of(full)) || f.matches(Path.of(name)))) {
                out.put(full, value);
            }
        });
        return Plan.unchanged(Results.of("ansible_facts", out));
    }
}
