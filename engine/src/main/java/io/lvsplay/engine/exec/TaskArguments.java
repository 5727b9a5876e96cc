package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.playbook.FreeFormArgs;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task's module arguments for one host, as Ansible's executor makes them: templated (condition
 * arguments such as assert's `that` stay as written), `omit` dropped, `_variable_params` merged,
 * then checked against the module's argument spec, whose first problem fails the task.
 */
final class TaskArguments {
    private final Templar templar;

    TaskArguments(Templar templar) {
        this.templar = templar;
    }

    /** The task's arguments, templated and checked against the module's spec. */
    Map<String, Object> valid(Task task, Module module, Map<String, Object> vars) {
        Map<String, Object> args = templated(task, module, vars);
        List<String> problems = module.argSpec().validate(task.moduleAsWritten(), args, Set.of());
        if (!problems.isEmpty()) {
            // Ansible's module reports the first problem of its argument check
            throw new ModuleFailure(problems.get(0));
        }
        return args;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> templated(Task task, Module module, Map<String, Object> vars) {
        Map<String, Object> asWritten = new LinkedHashMap<>();
        Map<String, Object> toTemplate = new LinkedHashMap<>();
        task.args().forEach((k, v) -> (v instanceof List<?> && module.conditionArgs().contains(k) ? asWritten : toTemplate).put(k, v));
        Object templated;
        try {
            templated = templar.template(toTemplate, vars, task.location().toString());
        } catch (TemplateError e) {
            if (!e.detail().contains("is undefined") && !e.detail().contains("has no attribute")) {
                throw e;
            }
            // Ansible's words, which playbooks test for (`result.msg.startswith('The task includes')`),
            // with the place after them as Ansible puts it
            TemplateError undefined = new TemplateError(e.source(), e.line(),
                    "The task includes an option with an undefined variable. The error was: " + e.detail()
                            + "\n\nThe error appears to be in '" + task.location() + "'", false);
            undefined.initCause(e);
            throw undefined;
        }
        Map<String, Object> args = new LinkedHashMap<>(asWritten);
        Map<String, Object> given = new LinkedHashMap<>((Map<String, Object>) templated);
        if (given.containsKey(FreeFormArgs.VARIABLE_PARAMS)) {
            given = withVariableParams(given);
        }
        given.forEach((k, v) -> {
            if (!VarsBuilder.OMIT.equals(v)) {
                args.put(k, v);
            }
        });
        return args;
    }

    /** As Ansible's Task._post_validate_args: a mapping adds arguments (those written win), anything else fails. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withVariableParams(Map<String, Object> args) {
        Object params = args.remove(FreeFormArgs.VARIABLE_PARAMS);
        if (!(params instanceof Map<?, ?> m)) {
            throw new ModuleFailure("invalid or malformed argument: '" + params + "'");
        }
        Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) m);
        merged.putAll(args);
        return merged;
    }
}
