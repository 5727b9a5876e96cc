package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.TaskParser;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates loop, or a with_NAME loop through the lookup NAME, into the list of items. */
final class LoopItems {
    private static final String TERMS = "__lvsplay_with_terms";

    private LoopItems() {
    }

    static List<Object> evaluate(Object loop, Templar templar, Map<String, Object> vars, String source) {
        if (loop instanceof TaskParser.WithLookup with) {
            // with_NAME: the lookup NAME run on the templated terms, as Ansible's loop_with
            Map<String, Object> withTerms = new LinkedHashMap<>(vars);
            withTerms.put(TERMS, templar.template(with.terms(), vars, source));
            return asList(templar.evaluate("__lvsplay_with_lookup('" + with.lookup() + "', " + TERMS + ")",
                    withTerms, source), source);
        }
        return asList(templar.template(loop, vars, source), source);
    }

    private static List<Object> asList(Object value, String source) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (value == null) {
            return List.of();
        }
        throw new TemplateError(source, 0, "loop expects a list, got: " + value
                + " (use '| dict2items' for a dictionary)");
    }
}
