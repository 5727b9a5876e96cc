package io.lvsplay.modules.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Result maps in insertion order; null values are left out, as Ansible omits unset fields. */
public final class Results {
    private Results() {
    }

    public static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** Ansible's stdout_lines: the text split at newlines, none for empty text. */
    public static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }
}
