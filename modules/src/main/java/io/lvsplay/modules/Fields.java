package io.lvsplay.modules;

import java.util.LinkedHashMap;
import java.util.Map;

/** Result maps in insertion order; null values are left out, as Ansible omits unset fields. */
final class Fields {
    private Fields() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
