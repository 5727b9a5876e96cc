package io.lvsplay.engine.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module found and what must change. {@code changes} empty means the host is already as
 * desired (ok). {@code result} carries fields for register (stat results, facts, messages).
 * {@code skipInCheckMode} marks plans that cannot be predicted (command/shell): in --check they are
 * reported as skipped, like Ansible does. {@code effects} are applied after the changes, and like them
 * never in --check, but do not make the task "changed" (uri's POST: Ansible reports changed=false).
 */
public record Plan(List<Change> changes, Map<String, Object> result, boolean skipInCheckMode, List<Change> effects) {

    public Plan {
        changes = List.copyOf(changes);
        effects = List.copyOf(effects);
    }

    public Plan(List<Change> changes, Map<String, Object> result, boolean skipInCheckMode) {
        this(changes, result, skipInCheckMode, List.of());
    }

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
        return new Plan(changes, merged, skipInCheckMode, effects);
    }

    public Plan skippedInCheckMode() {
        return new Plan(changes, result, true, effects);
    }

    /** This plan, then {@code effect}: applied unless --check, not counted as a change. */
    public Plan withEffect(Change effect) {
        List<Change> more = new java.util.ArrayList<>(effects);
        more.add(effect);
        return new Plan(changes, result, skipInCheckMode, more);
    }

    /** The changes, then the effects: everything applying this plan executes, in order. */
    public List<Change> applied() {
        List<Change> all = new java.util.ArrayList<>(changes);
        all.addAll(effects);
        return all;
    }

    public boolean changesSomething() {
        return !changes.isEmpty();
    }
}
