package io.lvsplay.engine.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of a play's {@code vars_prompt}: the variable, the question, an optional default and
 * whether the answer is echoed. Asked when the play starts, unless -e already sets the variable.
 */
public record VarsPrompt(String name, String prompt, Object defaultValue, boolean isPrivate) {
    private static final Set<String> KEYS = Set.of("name", "prompt", "default", "private");
    /** Ansible's options lvsplay does not act on: refused rather than asked without them. */
    private static final Set<String> REFUSED = Set.of("confirm", "encrypt", "salt", "salt_size", "unsafe");

    static List<VarsPrompt> parse(Object value, YamlDocument doc, Map<String, Object> play) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new PlaybookError(doc.at(play, "vars_prompt"), "'vars_prompt' must be a list of mappings with 'name:'");
        }
        List<VarsPrompt> out = new ArrayList<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> m) || m.get("name") == null) {
                throw new PlaybookError(doc.at(play, "vars_prompt"),
                        "Invalid vars_prompt data structure, missing 'name' key");
            }
            for (Object key : m.keySet()) {
                if (REFUSED.contains(String.valueOf(key))) {
                    throw new PlaybookError(doc.at(m), "lvsplay does not support vars_prompt '" + key
                            + "' yet; pass the value with -e");
                }
                if (!KEYS.contains(String.valueOf(key))) {
                    throw new PlaybookError(doc.at(m), "'" + key + "' is not a valid vars_prompt option");
                }
            }
            Object priv = m.get("private");
            Boolean isPrivate = priv == null ? Boolean.TRUE : io.lvsplay.engine.module.ModuleArgs.toBool(priv);
            if (isPrivate == null) {
                throw new PlaybookError(doc.at(m), "vars_prompt 'private' must be a boolean, got: " + priv);
            }
            String name = String.valueOf(m.get("name"));
            out.add(new VarsPrompt(name, m.get("prompt") == null ? null : String.valueOf(m.get("prompt")),
                    m.get("default"), isPrivate));
        }
        return List.copyOf(out);
    }
}
