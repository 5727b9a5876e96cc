package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.KeywordValues;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.Map;

/**
 * Whole-number keywords (retries, delay, async, poll, throttle) at run time: templated with the
 * task's variables, then made an int as Ansible does; a value that is no number fails the task.
 */
final class KeywordInts {
    private KeywordInts() {
    }

    static int value(Templar templar, String key, Object raw, int fallback, Map<String, Object> vars, String where) {
        if (raw == null) {
            return fallback;
        }
        Object value = Templar.isTemplated(raw) ? templar.template(raw, vars, where + " (" + key + ")") : raw;
        try {
            return KeywordValues.toInt(key, value);
        } catch (IllegalArgumentException e) {
            throw new TemplateError(where, 0, e.getMessage());
        }
    }
}
