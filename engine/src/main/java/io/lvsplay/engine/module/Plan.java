package io.lvsplay.engine.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module found and what must change. {@code changes} empty means the host is already as
 * desired (ok). {@code result} carries fields for register (stat results, facts, messages).
 * {@code skipInCheckMode} marks plans that cannot be predicted (command/shell): in --check they are
 * reported as skipped, like Ansible does.
 */
public record Plan(List<Change> changes, Map<String, Object> result, boolean skipInCheckMode) {

    public static Plan unchanged(Map<String, Object> result) {
        return new Plan(List.of(), result, false);
    }

    public static Plan unchanged() {
        return unchanged(Map.of());
    }

    public static Plan changes(List<Change> changes, Map<String, Object> result) {
        return new Plan(List.copyOf(changes), result, false);
    }

    public static Plan change(Change change) {
        return new Plan(List.of(change), Map.of(), false);
    }

    public Plan withResult(Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(result);
        merged.putAll(more);
        return new Plan(changes, merged, skipInCheckMode);
    }

    public Plan skippedInCheckMode() {
        return new Plan(changes, result, true);
    }

    public boolean changesSomething() {
        return !changes.isEmpty();
    }
}
