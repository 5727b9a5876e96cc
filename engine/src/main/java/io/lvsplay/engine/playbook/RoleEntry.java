package io.lvsplay.engine.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A role named in a play's {@code roles:} or a role's {@code meta/main.yml} dependencies: a name, or
 * a mapping with {@code role:} and params (keys besides the keywords, plus {@code vars:}).
 */
record RoleEntry(String name, Map<String, Object> params, List<String> when, List<String> tags, Boolean become,
                 String becomeUser, Map<String, Object> deferred) {
    private static final Set<String> KEYWORDS = Set.of("role", "name", "tags", "when", "become", "become_user", "vars");

    static RoleEntry parse(Object entry, SourceLocation at) {
        if (entry instanceof String name) {
            return new RoleEntry(name, Map.of(), List.of(), List.of(), null, null, Map.of());
        }
        if (!(entry instanceof Map<?, ?> m)) {
            throw new PlaybookError(at, "a role entry must be a name or a mapping, got: " + entry);
        }
        Object name = m.get("role") != null ? m.get("role") : m.get("name");
        if (name == null) {
            throw new PlaybookError(at, "a role entry needs 'role: NAME'");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> keywords = (Map<String, Object>) m;
        RoleEntryKeywords.check(keywords, at);
        Map<String, Object> params = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (!KEYWORDS.contains(String.valueOf(k))) {
                params.put(String.valueOf(k), v);
            }
        });
        if (m.get("vars") instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> params.put(String.valueOf(k), v));
        }
        return new RoleEntry(String.valueOf(name), params, TaskParser.conditions(m.get("when")),
                TaskParser.strings(m.get("tags")), TaskParser.boolOrNull(m.get("become")),
                TaskParser.stringOrNull(m.get("become_user")), DeferredFlags.of(keywords));
    }

    /**
     * The role's tasks in a block that carries the entry's keywords, and the role's vars with its
     * params over them, so each role's tasks see its own vars over those of the roles around it.
     */
    Block block(Role role, SourceLocation at) {
        Map<String, Object> vars = new LinkedHashMap<>(role.vars());
        vars.putAll(params);
        TaskOptions wrap = new TaskOptions(null, when, tags, vars, become, becomeUser, null, false, null, null,
                null, null, null, List.of(), null, null, null, deferred);
        return new Block(wrap, role.tasks(), List.of(), List.of(), at, role);
    }

    /** A role that already ran in this play: nothing to run again. */
    Block skipped(Role role, SourceLocation at) {
        return new Block(TaskOptions.empty(), List.of(), List.of(), List.of(), at, role);
    }

    /** {@code o} with {@code vars} in place of its own vars. */
    static TaskOptions withVars(TaskOptions o, Map<String, Object> vars) {
        return o.withVars(vars);
    }
}
