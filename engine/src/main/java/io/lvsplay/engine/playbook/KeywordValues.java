package io.lvsplay.engine.playbook;

import io.lvsplay.engine.module.ModuleArgs;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks, at load time, the values of keywords whose type is known: a boolean keyword must be a
 * boolean (or a template), a condition must not be a mapping, {@code serial} must be counts or
 * percentages. Ansible would fail on these only when the task runs, after earlier tasks changed hosts.
 */
final class KeywordValues {
    private static final Set<String> BOOLEANS = Set.of("become", "run_once", "no_log", "ignore_errors",
            "ignore_unreachable", "check_mode", "diff", "any_errors_fatal", "gather_facts", "delegate_facts",
            "force_handlers", "public", "allow_duplicates");
    private static final Set<String> CONDITIONS = Set.of("when", "changed_when", "failed_when", "until");

    private KeywordValues() {
    }

    static void check(Map<String, Object> map, YamlDocument doc) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (value == null || TaskParser.containsJinja(value)) {
                continue;
            }
            if (BOOLEANS.contains(key) && (value instanceof Map || value instanceof List
                    || ModuleArgs.toBool(value) == null)) {
                throw new PlaybookError(doc.at(map, key), "'" + key + "' must be a boolean (yes/no, true/false), got "
                        + YamlDocument.describe(value));
            }
            if (CONDITIONS.contains(key) && (value instanceof Map
                    || value instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Map || v instanceof List))) {
                throw new PlaybookError(doc.at(map, key), "'" + key + "' must be a condition (an expression, or a list"
                        + " of them), got " + YamlDocument.describe(value));
            }
            if (key.equals("serial")) {
                for (Object batch : value instanceof List<?> list ? list : List.of(value)) {
                    if (!isBatchSize(batch)) {
                        throw new PlaybookError(doc.at(map, key), "'serial' must be a number of hosts or a percentage"
                                + " (e.g. 2 or \"30%\"), or a list of them; got " + YamlDocument.describe(batch));
                    }
                }
            }
        }
    }

    private static boolean isBatchSize(Object batch) {
        if (batch instanceof Integer || batch instanceof Long) {
            return true;
        }
        return batch instanceof String s && (s.trim().matches("\\d+%?") || TaskParser.containsJinja(s));
    }
}
