package io.lvsplay.engine.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code environment} keyword as Ansible takes it: a mapping, a template that gives one
 * ({@code environment: "{{ proxy_env }}"}), or a list of those, merged in order when the task runs.
 */
final class EnvironmentKeyword {
    private EnvironmentKeyword() {
    }

    static List<Object> layers(Map<String, Object> map, YamlDocument doc) {
        Object value = map.get("environment");
        if (value == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        for (Object layer : value instanceof List<?> list ? list : List.of(value)) {
            if (!(layer instanceof Map<?, ?>) && !(layer instanceof String)) {
                throw new PlaybookError(doc.at(map, "environment"), "'environment' must be a mapping of names to"
                        + " values, a template giving one, or a list of those, got " + YamlDocument.describe(layer));
            }
            out.add(layer);
        }
        return List.copyOf(out);
    }
}
