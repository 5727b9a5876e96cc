package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.TaskOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keywords a task inherits from its play and enclosing blocks/roles/includes, outermost first,
 * plus per-host variables an include loop adds.
 */
record Scope(List<TaskOptions> chain, Map<String, Map<String, Object>> hostVars, String rolePrefix) {

    static Scope of(TaskOptions playOptions) {
        return new Scope(List.of(playOptions), Map.of(), null);
    }

    Scope enter(TaskOptions options) {
        List<TaskOptions> next = new ArrayList<>(chain);
        next.add(options);
        return new Scope(next, hostVars, rolePrefix);
    }

    Scope withHostVars(Map<String, Map<String, Object>> vars) {
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>(hostVars);
        vars.forEach((host, v) -> {
            Map<String, Object> m = new LinkedHashMap<>(merged.getOrDefault(host, Map.of()));
            m.putAll(v);
            merged.put(host, m);
        });
        return new Scope(chain, merged, rolePrefix);
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

    Map<String, Object> vars(String host) {
        Map<String, Object> all = new LinkedHashMap<>();
        chain.forEach(o -> all.putAll(o.vars()));
        all.putAll(hostVars.getOrDefault(host, Map.of()));
        return all;
    }
}
