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

    /**
     * until: like Ansible's attempt loop. The task runs up to retries + 1 times, delay seconds apart;
     * each run is judged (changed_when/failed_when see {@code attempts}) before until is evaluated.
     * When until never holds the last result fails, with attempts = retries (Ansible counts so).
     * With failed_when, only the registered result says failed; the task's status is failed_when's.
     */
    TaskResult untilHolds(Task task, Map<String, Object> vars, Supplier<TaskResult> invocation, Retrying listener) {
        String where = task.location().toString();
        int retries = 1;
        if (!task.until().isEmpty()) {
            int written = KeywordInts.value(templar, "retries", task.retries(), 3, vars, where);
            retries = written <= 0 ? 1 : written + 1;
        }
        int delay = Math.max(0, KeywordInts.value(templar, "delay", task.delay(), 5, vars, where));
        TaskResult result = null;
        for (int attempt = 1; attempt <= retries; attempt++) {
            result = invocation.get();
            if (result.status() == TaskStatus.UNREACHABLE) {
                return result;
            }
            if (!task.until().isEmpty()) {
                Map<String, Object> data = new LinkedHashMap<>(result.data());
                data.put("attempts", attempt);
                result = result.withData(data);
            }
            result = judge(task, result, vars);
            if (retries == 1) {
                return result;
            }
            Map<String, Object> check = new LinkedHashMap<>(vars);
            if (task.register() != null) {
                check.put(task.register(), result.registered());
            }
            result.registered().forEach(check::putIfAbsent);
            if (Conditions.allHold(templar, task.until(), check, where + " (until)")) {
                return result;
            }
            if (attempt < retries) {
                listener.retrying(result, retries - attempt);
                sleep(delay);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>(result.data());
        data.put("attempts", retries - 1);
        if (data.containsKey("failed_when_result")) {
            // Ansible marks the result failed, but judges a task with failed_when by failed_when_result
            // alone (TaskResult.is_failed): the task is not failed, its registered result is
            data.put("failed", true);
            return result.withData(data);
        }
        return result.judged(TaskStatus.FAILED, result.changed(), data);
    }

    /** Told before each retry, with how many are left (Ansible's "FAILED - RETRYING" line). */
    interface Retrying {
        void retrying(TaskResult result, int retriesLeft);
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
