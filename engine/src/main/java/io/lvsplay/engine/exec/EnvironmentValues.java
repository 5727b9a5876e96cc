package io.lvsplay.engine.exec;

import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of an `environment:` keyword, templated. As Ansible's Task._post_validate_environment,
 * a value that needs ansible_env while it is still undefined (the play's environment used for
 * gathering the facts that define it) is left out instead of failing; omit leaves a value out too.
 */
final class EnvironmentValues {
    private EnvironmentValues() {
    }

    static Map<String, String> template(Templar templar, Map<String, Object> raw, Map<String, Object> vars, String source) {
        Map<String, String> env = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            Object value;
            try {
                value = templar.template(v, vars, source);
            } catch (TemplateError e) {
                if (needsEnvFacts(e) && !vars.containsKey("ansible_env")) {
                    return;
                }
                throw e;
            }
            if (!VarsBuilder.OMIT.equals(value)) {
                env.put(k, value == null ? "" : String.valueOf(value));
            }
        });
        return env;
    }

    private static boolean needsEnvFacts(TemplateError e) {
        String detail = e.detail();
        return detail.contains("ansible_env") || detail.contains("ansible_facts.env");
    }
}
