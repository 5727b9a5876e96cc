package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskOptions;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a finished task leaves on its host: no_log hiding, ignore_errors / ignore_unreachable, the
 * failure a rescue section sees, the registered result, set facts, and notified handlers.
 */
final class TaskOutcomes {

    private final io.lvsplay.engine.module.ModuleRegistry modules;
    private final Templar templar;
    private final HandlerNotifier notifier;

    TaskOutcomes(io.lvsplay.engine.module.ModuleRegistry modules, Templar templar, HandlerNotifier notifier) {
        this.modules = modules;
        this.templar = templar;
        this.notifier = notifier;
    }

    /** no_log, ignore_errors and ignore_unreachable may be templates of {@code vars}, the task's variables. */
    TaskResult record(Task task, HostState host, TaskResult result, Scope scope, Map<String, Object> vars) {
        // a task that when: skipped never renders its other keywords, as in Ansible
        try {
            if (result.status() != TaskStatus.SKIPPED
                    && Boolean.TRUE.equals(flag(task, scope, vars, "no_log", TaskOptions::noLog))) {
                result = result.withNoLog(true).hidden();
            }
            // rendered whatever else the outcome: a template giving no boolean fails the task
            boolean skipped = result.status() == TaskStatus.SKIPPED;
            boolean ignoreErrors = !skipped && Boolean.TRUE.equals(flag(task, scope, vars, "ignore_errors", TaskOptions::ignoreErrors));
            boolean ignoreUnreachable = !skipped && Boolean.TRUE.equals(
                    flag(task, scope, vars, "ignore_unreachable", TaskOptions::ignoreUnreachable));
            if (result.status() == TaskStatus.FAILED && ignoreErrors) {
                result = result.withStatus(TaskStatus.FAILED, true);
            }
            if (result.status() == TaskStatus.UNREACHABLE && ignoreUnreachable) {
                result = result.withStatus(TaskStatus.UNREACHABLE, true);
            }
        } catch (TemplateError e) {
            result = TaskResult.failure(host.name, e.getMessage());
        }
        if (result.status() == TaskStatus.FAILED && !result.ignored()) {
            Map<String, Object> failedTask = new LinkedHashMap<>();
            failedTask.put("name", task.title());
            failedTask.put("action", task.module());
            failedTask.put("args", task.args());
            host.lastFailure = Map.of("ansible_failed_task", failedTask, "ansible_failed_result", result.registered());
        }
        if (task.register() != null && (result.status() != TaskStatus.UNREACHABLE || result.ignored())) {
            synchronized (host.runVars) {
                host.runVars.put(task.register(), result.registered());
            }
        }
        if (result.status() != TaskStatus.FAILED && result.status() != TaskStatus.UNREACHABLE) {
            boolean hostVars = modules.find(task.module())
                    .map(m -> m.traits().contains(io.lvsplay.engine.module.Module.Trait.SETS_HOST_VARS)).orElse(false);
            mergeFacts(hostVars ? host.includedVars : host.runVars, hostVars ? null : host, result);
        }
        if (result.changed() && result.status() != TaskStatus.FAILED && !task.notifies().isEmpty()) {
            notifier.notify(host.name, task.notifies(), vars, task.location());
        }
        return result;
    }

    private Boolean flag(Task task, Scope scope, Map<String, Object> vars, String keyword,
                         java.util.function.Function<TaskOptions, Boolean> written) {
        return FlagKeywords.resolve(scope, task.options(), keyword, written, templar, () -> vars,
                task.location().toString());
    }

    @SuppressWarnings("unchecked")
    private static void mergeFacts(Map<String, Object> target, HostState host, TaskResult result) {
        List<TaskResult> all = result.items().isEmpty() ? List.of(result) : result.items();
        for (TaskResult r : all) {
            // a shown result (debug var=ansible_facts) is displayed, never merged, as in Ansible
            if (!r.shown() && r.data().get("ansible_facts") instanceof Map<?, ?> facts) {
                synchronized (target) {
                    target.putAll((Map<String, Object>) facts);
                }
                // module facts (service_facts, package_facts) are also ansible_facts.NAME, as in Ansible;
                // set_fact's variables (marked by the cacheable flag) and include_vars' are not
                if (host != null && !r.data().containsKey("_ansible_facts_cacheable")) {
                    synchronized (host.facts) {
                        facts.forEach((k, v) -> host.facts.put(String.valueOf(k).replaceFirst("^ansible_", ""), v));
                    }
                }
            }
        }
    }
}
