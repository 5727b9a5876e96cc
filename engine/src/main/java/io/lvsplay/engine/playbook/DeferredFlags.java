package io.lvsplay.engine.playbook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The boolean keywords of a task, block, role entry or play written as templates
 * ({@code ignore_errors: "{{ x }}"}): kept as written, to be templated and converted with Ansible's
 * strict boolean() when the task runs, as Ansible's post_validate does.
 */
public final class DeferredFlags {
    /** The isa='bool' keywords lvsplay resolves through {@link TaskOptions#deferred()}. */
    public static final Set<String> KEYWORDS = Set.of("become", "run_once", "no_log", "ignore_errors",
            "ignore_unreachable", "check_mode", "diff", "gather_facts");

    private DeferredFlags() {
    }

    static Map<String, Object> of(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : KEYWORDS) {
            Object value = map.get(key);
            if (value != null && TaskParser.containsJinja(value)) {
                out.put(key, value);
            }
        }
        return out.isEmpty() ? Map.of() : Map.copyOf(out);
    }
}
