package io.lvsplay.engine.exec;

import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.List;
import java.util.Map;

/** A list of conditions (when, changed_when, failed_when, until) holds when each one does. */
final class Conditions {
    private Conditions() {
    }

    static boolean allHold(Templar templar, List<String> conditions, Map<String, Object> vars, String source) {
        for (String condition : conditions) {
            if (!templar.evaluateCondition(condition, vars, source)) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #allHold}, but a condition that cannot be evaluated fails with Ansible's wording. */
    static boolean allHoldExplained(Templar templar, List<String> conditions, Map<String, Object> vars, String source) {
        for (String condition : conditions) {
            try {
                if (!templar.evaluateCondition(condition, vars, source)) {
                    return false;
                }
            } catch (TemplateError e) {
                throw new ConditionError(condition, e);
            }
        }
        return true;
    }

    /** A condition that could not be evaluated; the message is the one Ansible puts in *_when_result. */
    static final class ConditionError extends RuntimeException {
        ConditionError(String condition, TemplateError cause) {
            super("The conditional check '" + condition + "' failed. The error was: error while evaluating conditional ("
                    + condition + "): " + cause.detail(), cause);
        }
    }
}
