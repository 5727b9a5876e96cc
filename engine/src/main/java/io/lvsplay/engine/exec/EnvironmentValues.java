package io.lvsplay.engine.exec;

import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of `environment:` layers (the play's, each block's, the task's; each a mapping or a
 * template giving one), templated and merged in order, later keys winning. As Ansible's
 * Task._post_validate_environment, a value that needs ansible_env while it is still undefined (the
 * play's environment used for gathering the facts that define it) is left out instead of failing;
 * omit leaves a value out too.
 */
final class EnvironmentValues {
    private EnvironmentValues() {
    }

    static Map<String, String> template(Templar templar, List<Object> layers, Map<String, Object> vars, String source) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object layer : layers) {
            if (layer instanceof Map<?, ?> map) {
                map.forEach((k, v) -> put(env, String.valueOf(k), templated(templar, v, vars, source)));
                continue;
            }
            Object value = templated(templar, layer, vars, source);
            if (value == Skipped.VALUE) {
                continue;
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new TemplateError(source, 0, "environment must be a dictionary, received " + value);
            }
            map.forEach((k, v) -> put(env, String.valueOf(k), v));
        }
        return env;
    }

    private enum Skipped { VALUE }

    private static Object templated(Templar templar, Object raw, Map<String, Object> vars, String source) {
        try {
            return templar.template(raw, vars, source);
        } catch (TemplateError e) {
            if (needsEnvFacts(e) && !vars.containsKey("ansible_env")) {
                return Skipped.VALUE;
            }
            throw e;
        }
    }

    private static void put(Map<String, String> env, String key, Object value) {
        if (value != Skipped.VALUE && !VarsBuilder.OMIT.equals(value)) {
            env.put(key, value == null ? "" : String.valueOf(value));
        }
    }

    private static boolean needsEnvFacts(TemplateError e) {
        String detail = e.detail();
        return detail.contains("ansible_env") || detail.contains("ansible_facts.env");
    }
}
