package io.lvsplay.engine.exec;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ansible's merge_hash (hash_behaviour=merge): nested mappings merge key by key, anything else is replaced. */
final class VarsMerge {
    private VarsMerge() {
    }

    static Object merge(Object low, Object high) {
        if (!(low instanceof Map<?, ?> a) || !(high instanceof Map<?, ?> b)) {
            return high;
        }
        Map<Object, Object> merged = new LinkedHashMap<>(a);
        b.forEach((key, value) -> merged.put(key, merge(merged.get(key), value)));
        return merged;
    }
}
