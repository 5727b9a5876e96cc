package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.template.Templar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the task's author says a result means: changed_when and failed_when (evaluated with the result
 * bound to the register name and its keys), and until/retries/delay around each invocation.
 */
final class ResultPolicy {
    private final Templar templar;

    ResultPolicy(Templar templar) {
        this.templar = templar;
    }

    TaskResult judge(Task task, TaskResult result, Map<String, Object> vars) {
        if ((task.changedWhen().isEmpty() && task.failedWhen().isEmpty())
                || result.status() == TaskStatus.SKIPPED || result.status() == TaskStatus.UNREACHABLE) {
            return result;
        }
        Map<String, Object> evalVars = new LinkedHashMap<>(vars);
        Map<String, Object> registered = result.registered();
        if (task.register() != null) {
            evalVars.put(task.register(), registered);
        }
        registered.forEach(evalVars::putIfAbsent);
        TaskStatus status = result.status();
        boolean changed = result.changed();
        Map<String, Object> data = new LinkedHashMap<>(result.data());
        String condName = "changed";
        try {
            if (!task.changedWhen().isEmpty()) {
                changed = Conditions.allHoldExplained(templar, task.changedWhen(), evalVars, task.location() + " (changed_when)");
            }
            condName = "failed";
            boolean failed = status == TaskStatus.FAILED;
            if (!task.failedWhen().isEmpty()) {
                if (task.register() != null) {
                    Map<String, Object> again = new LinkedHashMap<>(registered);
                    again.put("changed", changed);
                    evalVars.put(task.register(), again);
                }
                failed = Conditions.allHoldExplained(templar, task.failedWhen(), evalVars, task.location() + " (failed_when)");
                data.put("failed_when_result", failed);
                if (!failed && status == TaskStatus.FAILED && "non-zero return code".equals(data.get("msg"))) {
                    data.remove("msg");
                }
            }
            TaskStatus next = failed ? TaskStatus.FAILED : changed ? TaskStatus.CHANGED : TaskStatus.OK;
            return result.judged(next, changed, data);
        } catch (Conditions.ConditionError e) {
            // as Ansible: the module's result stays, failed, with the error as <cond>_when_result
            data.put(condName + "_when_result", e.getMessage());
            return result.judged(TaskStatus.FAILED, changed, data);
        }
    }

    /** until: repeats the invocation up to retries more times, delay seconds apart, until the conditions hold. */
    TaskResult untilHolds(Task task, Map<String, Object> vars, Supplier<TaskResult> invocation) {
        if (task.until().isEmpty()) {
            return invocation.get();
        }
        int attempts = Math.max(1, task.retries() + 1);
        TaskResult result = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            result = invocation.get();
            if (result.status() == TaskStatus.UNREACHABLE) {
                return result;
            }
            Map<String, Object> data = new LinkedHashMap<>(result.data());
            data.put("attempts", attempt);
            result = result.withData(data);
            Map<String, Object> check = new LinkedHashMap<>(vars);
            if (task.register() != null) {
                check.put(task.register(), result.registered());
            }
            result.registered().forEach(check::putIfAbsent);
            if (Conditions.allHold(templar, task.until(), check, task.location() + " (until)")) {
                return result;
            }
            if (attempt < attempts) {
                sleep(task.delaySeconds());
            }
        }
        Map<String, Object> data = new LinkedHashMap<>(result.data());
        data.put("msg", "Task failed after " + attempts + " attempts (until condition never held)"
                + (result.msg() == null ? "" : ": " + result.msg()));
        return result.judged(TaskStatus.FAILED, result.changed(), data);
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
