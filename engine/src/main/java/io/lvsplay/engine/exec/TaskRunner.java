package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.template.TemplateError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one task on one host: its variables, its conditions, its loop (each item one invocation),
 * each invocation judged by the result policy and retried until it holds, then the outcome recorded.
 */
final class TaskRunner {
    private final PlayContext ctx;
    private final TaskInvocation invocation;
    private final ResultPolicy policy;
    private final LoopDriver loops;
    private final TaskOutcomes outcomes;

    TaskRunner(PlayContext ctx) {
        this.ctx = ctx;
        this.invocation = new TaskInvocation(ctx);
        this.policy = new ResultPolicy(ctx.templar());
        this.loops = new LoopDriver(ctx.templar());
        this.outcomes = new TaskOutcomes(ctx.modules(), ctx.templar(), ctx.notifier());
    }

    TaskResult run(Task task, HostState host, Scope scope) {
        Map<String, Object> scopeVars = scope.vars(host.name);
        scopeVars.putAll(task.vars());
        Map<String, Object> vars = ctx.varsBuilder().build(host, scopeVars);
        if (task.role() != null) {
            vars.put("role_name", task.role().name());
            vars.put("role_path", task.role().dir().toString());
        }
        List<String> when = new ArrayList<>(scope.conditions());
        when.addAll(task.options().when());
        String whenSource = task.location() + " (when)";
        TaskResult result;
        try {
            if (task.loop() == null) {
                result = Conditions.allHold(ctx.templar(), when, vars, whenSource)
                        ? attempt(task, host, scope, vars, null) : skipped(host.name, null);
            } else {
                result = loops.run(task, host.name, vars, (itemVars, label) ->
                        Conditions.allHold(ctx.templar(), when, itemVars, whenSource)
                                ? attempt(task, host, scope, itemVars, label) : skipped(host.name, label),
                        itemVars -> probed(task, host, scope, when, whenSource, itemVars));
            }
        } catch (TemplateError e) {
            result = task.loop() != null && loopErrorSkipped(when, vars, whenSource)
                    ? skipped(host.name, null) : TaskResult.failure(host.name, e.getMessage());
        }
        return outcomes.record(task, host, result, scope, vars);
    }

    /** The reads an item's invocation starts with, when its condition holds (see {@link LoopDriver#run}). */
    private java.util.Optional<TaskInvocation.Probed> probed(Task task, HostState host, Scope scope, List<String> when,
                                                             String whenSource, Map<String, Object> itemVars) {
        try {
            return Conditions.allHold(ctx.templar(), when, itemVars, whenSource)
                    ? invocation.probed(task, host, scope, itemVars) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** As Ansible: a loop that cannot be templated is no error when the task's condition (without an item) is false. */
    private boolean loopErrorSkipped(List<String> when, Map<String, Object> vars, String whenSource) {
        if (when.isEmpty()) {
            return false;
        }
        try {
            return !Conditions.allHold(ctx.templar(), when, vars, whenSource);
        } catch (TemplateError e) {
            return false;
        }
    }

    /** One invocation, judged (changed_when/failed_when), repeated while `until` does not hold. */
    private TaskResult attempt(Task task, HostState host, Scope scope, Map<String, Object> vars, String label) {
        return policy.untilHolds(task, vars,
                () -> InventoryUpdates.apply(ctx.inventory(), host.name, invocation.invoke(task, host, scope, vars, label)),
                (result, left) -> ctx.listener().retrying(result, task.title(), left));
    }

    private static TaskResult skipped(String host, String label) {
        return TaskResult.of(host, TaskStatus.SKIPPED, Map.of("skip_reason", "Conditional result was False"))
                .withItem(label, Map.of("skip_reason", "Conditional result was False"));
    }
}
