package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a finished task leaves on its host: no_log hiding, ignore_errors / ignore_unreachable, the
 * failure a rescue section sees, the registered result, set facts, and notified handlers.
 */
final class TaskOutcomes {

    static boolean noLog(Task task, Scope scope) {
        // no_log set on the task, an enclosing block or the play
        return Boolean.TRUE.equals(scope.resolve(task.options(), TaskOptions::noLog));
    }

    private final io.lvsplay.engine.module.ModuleRegistry modules;

    TaskOutcomes(io.lvsplay.engine.module.ModuleRegistry modules) {
        this.modules = modules;
    }

    TaskResult record(Task task, HostState host, TaskResult result, Scope scope) {
        if (result.noLog()) {
            result = result.hidden();
        }
        if (result.status() == TaskStatus.FAILED
                && Boolean.TRUE.equals(scope.resolve(task.options(), TaskOptions::ignoreErrors))) {
            result = result.withStatus(TaskStatus.FAILED, true);
        }
        if (result.status() == TaskStatus.UNREACHABLE
                && Boolean.TRUE.equals(scope.resolve(task.options(), TaskOptions::ignoreUnreachable))) {
            result = result.withStatus(TaskStatus.UNREACHABLE, true);
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
        if (result.changed() && result.status() != TaskStatus.FAILED) {
            synchronized (host.notified) {
                host.notified.addAll(task.notifies());
            }
        }
        return result;
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
