package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.PlaybookError;
import io.lvsplay.engine.playbook.SourceLocation;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a changed task's notify does on its host: each name, templated with the task's variables (a
 * template may give a list of names), notifies the handlers it stands for. A name no handler answers
 * ends the run, as in Ansible, or with error_on_missing_handler=false is a warning.
 */
final class HandlerNotifier {
    private final PlayHandlers handlers;
    private final Templar templar;
    private final boolean errorOnMissing;
    private final Consumer<String> warn;

    HandlerNotifier(PlayHandlers handlers, Templar templar, boolean errorOnMissing, Consumer<String> warn) {
        this.handlers = handlers;
        this.templar = templar;
        this.errorOnMissing = errorOnMissing;
        this.warn = warn;
    }

    void notify(String host, List<String> written, Map<String, Object> vars, SourceLocation at) {
        for (String name : names(written, vars, at)) {
            if (handlers.notify(host, name)) {
                continue;
            }
            String msg = "The requested handler '" + name + "' was not found in either the main handlers list nor"
                    + " in the listening handlers list";
            if (errorOnMissing) {
                throw new PlaybookError(at, msg);
            }
            warn.accept(msg);
        }
    }

    private List<String> names(List<String> written, Map<String, Object> vars, SourceLocation at) {
        List<String> names = new ArrayList<>();
        for (String name : written) {
            if (!Templar.isTemplated(name)) {
                names.add(name);
                continue;
            }
            Object value;
            try {
                value = templar.template(name, vars, at + " (notify)");
            } catch (TemplateError e) {
                throw new PlaybookError(at, "notify: " + e.detail());
            }
            if (value instanceof List<?> list) {
                list.forEach(v -> names.add(String.valueOf(v)));
            } else {
                names.add(String.valueOf(value));
            }
        }
        return names;
    }
}
