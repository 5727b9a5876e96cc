package io.lvsplay.engine.playbook;

import java.util.Map;
import java.util.Set;

/**
 * The loop_control keys besides loop_var, index_var and label: {@code pause} (seconds between
 * items), {@code extended} (whether ansible_loop is set) and {@code extended_allitems}, kept as
 * written (a value or a template) and resolved when the loop runs, as Ansible post-validates them.
 */
public record LoopControl(Object pause, Object extended, Object extendedAllitems) {
    /** Ansible 2.14's LoopControl attributes. */
    static final Set<String> KEYS = Set.of("loop_var", "index_var", "label", "pause", "extended", "extended_allitems");

    public static final LoopControl NONE = new LoopControl(null, null, null);

    static LoopControl parse(Map<String, Object> task, YamlDocument doc) {
        Object raw = task.get("loop_control");
        if (raw == null) {
            return NONE;
        }
        if (!(raw instanceof Map<?, ?> control)) {
            throw new PlaybookError(doc.at(task, "loop_control"), "'loop_control' must be a mapping, got "
                    + YamlDocument.describe(raw));
        }
        for (Object key : control.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new PlaybookError(doc.at(task, "loop_control"), "'" + key
                        + "' is not a valid attribute for a LoopControl");
            }
        }
        return new LoopControl(control.get("pause"), control.get("extended"), control.get("extended_allitems"));
    }
}
