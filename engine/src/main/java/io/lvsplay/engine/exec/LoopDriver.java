package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.output.JsonText;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * loop / with_*: evaluates the items, runs the task once per item with the loop variables bound
 * (loop_var, index_var, ansible_loop, label), and folds the item results into one task result.
 */
final class LoopDriver {
    private final Templar templar;

    LoopDriver(Templar templar) {
        this.templar = templar;
    }

    /** {@code body} runs one item: it gets the item's variables and its label. */
    TaskResult run(Task task, String host, Map<String, Object> vars, BiFunction<Map<String, Object>, String, TaskResult> body) {
        List<Object> items = LoopItems.evaluate(task.loop(), templar, vars, task.location().toString());
        LoopControlValues control = LoopControlValues.resolve(task, templar, vars);
        List<TaskResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (i > 0) {
                control.pause();
            }
            Map<String, Object> itemVars = new LinkedHashMap<>(vars);
            itemVars.put(task.loopVar(), item);
            itemVars.put("ansible_loop_var", task.loopVar());
            if (task.loopIndexVar() != null) {
                itemVars.put(task.loopIndexVar(), i);
                itemVars.put("ansible_index_var", task.loopIndexVar());
            }
            if (control.extended()) {
                itemVars.put("ansible_loop", control.info(items, i));
            }
            TaskResult itemResult;
            String label = null;
            try {
                label = label(task, itemVars, item);
                itemResult = body.apply(itemVars, label);
            } catch (TemplateError e) {
                itemResult = TaskResult.failure(host, e.getMessage());
            }
            Map<String, Object> itemData = new LinkedHashMap<>(itemResult.data());
            itemData.put(task.loopVar(), item);
            itemData.put("ansible_loop_var", task.loopVar());
            if (task.loopIndexVar() != null) {
                itemData.put(task.loopIndexVar(), i);
                itemData.put("ansible_index_var", task.loopIndexVar());
            }
            if (control.extended()) {
                itemData.put("ansible_loop", itemVars.get("ansible_loop"));
            }
            itemResult = itemResult.withItem(label == null ? JsonText.compact(item) : label, itemData);
            results.add(itemResult);
            // set_fact in a loop: later items see what earlier ones set, as in Ansible
            if (itemResult.status() != TaskStatus.FAILED && itemResult.data().get("ansible_facts") instanceof Map<?, ?> facts) {
                facts.forEach((k, v) -> vars.put(String.valueOf(k), v));
            }
            if (itemResult.status() == TaskStatus.UNREACHABLE) {
                break;
            }
        }
        return aggregate(host, results);
    }

    /** ansible_loop, as loop_control.extended defines it. */
    static Map<String, Object> loopInfo(List<Object> items, int i) {
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("allitems", items);
        loop.put("index", i + 1);
        loop.put("index0", i);
        loop.put("revindex", items.size() - i);
        loop.put("revindex0", items.size() - i - 1);
        loop.put("first", i == 0);
        loop.put("last", i == items.size() - 1);
        loop.put("length", items.size());
        if (i > 0) {
            loop.put("previtem", items.get(i - 1));
        }
        if (i < items.size() - 1) {
            loop.put("nextitem", items.get(i + 1));
        }
        return loop;
    }

    private String label(Task task, Map<String, Object> vars, Object item) {
        if (task.loopLabel() != null) {
            return String.valueOf(templar.template(task.loopLabel(), vars, task.location().toString()));
        }
        return JsonText.compact(item);
    }

    private static TaskResult aggregate(String host, List<TaskResult> results) {
        TaskStatus status;
        if (results.stream().anyMatch(r -> r.status() == TaskStatus.UNREACHABLE)) {
            status = TaskStatus.UNREACHABLE;
        } else if (results.stream().anyMatch(r -> r.status() == TaskStatus.FAILED)) {
            status = TaskStatus.FAILED;
        } else if (results.isEmpty() || results.stream().allMatch(r -> r.status() == TaskStatus.SKIPPED)) {
            status = TaskStatus.SKIPPED;
        } else if (results.stream().anyMatch(TaskResult::changed)) {
            status = TaskStatus.CHANGED;
        } else {
            status = TaskStatus.OK;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("msg", status == TaskStatus.FAILED ? "One or more items failed" : "All items completed");
        if (results.isEmpty()) {
            data.put("skipped_reason", "No items in the list");
        }
        List<Diff> diffs = new ArrayList<>();
        results.forEach(r -> diffs.addAll(r.diffs()));
        return new TaskResult(host, status, false, false, null, null, data, diffs, results, false, false);
    }
}
