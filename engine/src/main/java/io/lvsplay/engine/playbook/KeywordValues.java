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
public final class KeywordValues {
    private static final Set<String> BOOLEANS = Set.of("become", "run_once", "no_log", "ignore_errors",
            "ignore_unreachable", "check_mode", "diff", "any_errors_fatal", "gather_facts", "delegate_facts",
            "force_handlers", "public", "allow_duplicates");
    private static final Set<String> CONDITIONS = Set.of("when", "changed_when", "failed_when", "until");
    /** Ansible's isa='int' keywords: int(value), so 0.01 is 0 and "5" is 5. */
    private static final Set<String> INTEGERS = Set.of("retries", "delay", "async", "poll", "throttle");

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
            if (INTEGERS.contains(key)) {
                try {
                    toInt(key, value);
                } catch (IllegalArgumentException e) {
                    throw new PlaybookError(doc.at(map, key), e.getMessage());
                }
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

    /**
     * A whole-number keyword's value as Ansible's int() makes it: a number is truncated (delay: 0.01
     * is 0), a string must be an integer literal. Also for the value a template gave at run time.
     */
    public static int toInt(String key, Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        String text = String.valueOf(value).trim().replace("_", "");
        try {
            return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the field '" + key + "' has an invalid value (" + value
                    + "), and could not be converted to an int. The error was: invalid literal for int() with base 10: '"
                    + value + "'");
        }
    }

    private static boolean isBatchSize(Object batch) {
        if (batch instanceof Integer || batch instanceof Long) {
            return true;
        }
        return batch instanceof String s && (s.trim().matches("\\d+%?") || TaskParser.containsJinja(s));
    }
}
