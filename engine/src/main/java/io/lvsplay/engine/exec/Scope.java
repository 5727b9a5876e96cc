package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Role;
import io.lvsplay.engine.playbook.TaskOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keywords a task inherits from its play and enclosing blocks/roles/includes, outermost first,
 * plus per-host variables an include loop adds, and the include params of enclosing dynamic
 * includes (which Ansible ranks above set_fact).
 */
record Scope(List<TaskOptions> chain, Map<String, Map<String, Object>> hostVars, String rolePrefix,
             Map<String, Object> params, Map<String, Map<String, Object>> hostParams, List<Role> parentRoles) {

    static Scope of(TaskOptions playOptions) {
        return new Scope(List.of(playOptions), Map.of(), null, Map.of(), Map.of(), List.of());
    }

    /**
     * Into the tasks of an include_role/import_role written in {@code parent}'s tasks: Ansible's
     * ansible_parent_role_names/paths, innermost first.
     */
    Scope enterRoleIncludedFrom(Role parent) {
        List<Role> next = new ArrayList<>();
        next.add(parent);
        next.addAll(parentRoles);
        return new Scope(chain, hostVars, rolePrefix, params, hostParams, List.copyOf(next));
    }

    /** ansible_parent_role_names and ansible_parent_role_paths; none outside an included role. */
    Map<String, Object> parentRoleVars() {
        if (parentRoles.isEmpty()) {
            return Map.of();
        }
        return Map.of("ansible_parent_role_names", parentRoles.stream().map(Role::name).toList(),
                "ansible_parent_role_paths", parentRoles.stream().map(r -> r.dir().toString()).toList());
    }

    Scope enter(TaskOptions options) {
        List<TaskOptions> next = new ArrayList<>(chain);
        next.add(options);
        return new Scope(next, hostVars, rolePrefix, params, hostParams, parentRoles);
    }

    /**
     * A dynamic include: its vars and its key=value params (already templated, per host) are
     * include params, not task vars.
     */
    Scope enterInclude(TaskOptions options, Map<String, Map<String, Object>> hostParams) {
        Map<String, Object> merged = new LinkedHashMap<>(params);
        merged.putAll(options.vars());
        Map<String, Map<String, Object>> perHost = new LinkedHashMap<>(this.hostParams);
        hostParams.forEach((host, p) -> {
            Map<String, Object> m = new LinkedHashMap<>(perHost.getOrDefault(host, Map.of()));
            m.putAll(p);
            perHost.put(host, m);
        });
        TaskOptions o = options;
        TaskOptions withoutVars = o.withVars(Map.of());
        Scope entered = enter(withoutVars);
        return new Scope(entered.chain, hostVars, rolePrefix, merged, perHost, parentRoles);
    }

    Scope withHostVars(Map<String, Map<String, Object>> vars) {
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>(hostVars);
        vars.forEach((host, v) -> {
            Map<String, Object> m = new LinkedHashMap<>(merged.getOrDefault(host, Map.of()));
            m.putAll(v);
            merged.put(host, m);
        });
        return new Scope(chain, merged, rolePrefix, params, hostParams, parentRoles);
    }

    /** Innermost value of an option: the task's own first, then enclosing blocks, then the play. */
    <T> T resolve(TaskOptions own, java.util.function.Function<TaskOptions, T> getter) {
        T value = own == null ? null : getter.apply(own);
        for (int i = chain.size() - 1; value == null && i >= 0; i--) {
            value = getter.apply(chain.get(i));
        }
        return value;
    }

    List<String> conditions() {
        List<String> all = new ArrayList<>();
        chain.forEach(o -> all.addAll(o.when()));
        return all;
    }

    List<String> tags() {
        List<String> all = new ArrayList<>();
        chain.forEach(o -> all.addAll(o.tags()));
        return all;
    }

    /** Block/task vars; the include params ride along for {@link VarsBuilder} to rank above set_fact. */
    Map<String, Object> vars(String host) {
        Map<String, Object> includeParams = new LinkedHashMap<>(params);
        includeParams.putAll(hostParams.getOrDefault(host, Map.of()));
        includeParams.putAll(parentRoleVars());
        ScopeVars all = new ScopeVars(includeParams);
        chain.forEach(o -> all.putAll(o.vars()));
        all.putAll(hostVars.getOrDefault(host, Map.of()));
        return all;
    }

    /** The task-level variables of a scope, carrying the include params that outrank set_fact. */
    static final class ScopeVars extends LinkedHashMap<String, Object> {
        final transient Map<String, Object> includeParams;

        ScopeVars(Map<String, Object> includeParams) {
            this.includeParams = includeParams;
        }
    }
}
