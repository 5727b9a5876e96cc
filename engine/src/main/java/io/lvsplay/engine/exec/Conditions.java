package io.lvsplay.engine.exec;

import io.lvsplay.engine.template.Templar;
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
}
