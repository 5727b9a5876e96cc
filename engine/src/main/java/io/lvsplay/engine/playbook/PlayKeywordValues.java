package io.lvsplay.engine.playbook;

import java.util.List;
import java.util.Map;

/**
 * The play-only keywords that name a choice (strategy, order) or a percentage (max_fail_percentage):
 * a value written out must be one Ansible knows; a template is checked when the play starts.
 */
public final class PlayKeywordValues {
    /** host_pinned: each host runs the play uninterrupted on one fork, which is how lvsplay runs free. */
    public static final List<String> STRATEGIES = List.of("linear", "free", "host_pinned");
    public static final List<String> ORDERS = List.of("inventory", "reverse_inventory", "sorted", "reverse_sorted",
            "shuffle");

    private PlayKeywordValues() {
    }

    static void check(Map<String, Object> map, YamlDocument doc) {
        try {
            choice("strategy", map.get("strategy"), STRATEGIES);
            choice("order", map.get("order"), ORDERS);
            Object percent = map.get("max_fail_percentage");
            if (percent != null && !TaskParser.containsJinja(percent)) {
                percentage(percent);
            }
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().startsWith("'strategy'") ? "strategy"
                    : e.getMessage().startsWith("'order'") ? "order" : "max_fail_percentage";
            throw new PlaybookError(doc.at(map, key), e.getMessage());
        }
    }

    /** The value if it is one of {@code known}; otherwise why not. */
    public static String choice(String key, Object value, List<String> known) {
        if (value == null || TaskParser.containsJinja(value)) {
            return value == null ? null : String.valueOf(value);
        }
        String text = String.valueOf(value).trim();
        if (!known.contains(text)) {
            throw new IllegalArgumentException("'" + key + "' must be one of " + String.join(", ", known)
                    + "; got: " + text);
        }
        return text;
    }

    /** max_fail_percentage as Ansible reads it: a number, or a string with an optional '%'. */
    public static double percentage(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).replace("%", "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'max_fail_percentage' must be a number (e.g. 30 or \"30%\"); got: "
                    + value);
        }
    }
}
