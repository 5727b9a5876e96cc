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
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * loop / with_*: evaluates the items, runs the task once per item with the loop variables bound
 * (loop_var, index_var, ansible_loop, label), and folds the item results into one task result.
 */
final class LoopDriver {
    private final Templar templar;

    LoopDriver(Templar templar) {
        this.templar = templar;
    }

    /**
     * {@code body} runs one item: it gets the item's variables and its label. {@code probe} tells, for
     * an item's variables, the reads its plan will start with: those of all items go to the host first,
     * in one round trip, and each item's plan is answered from them until something is applied.
     */
    TaskResult run(Task task, String host, Map<String, Object> vars, BiFunction<Map<String, Object>, String, TaskResult> body,
                   Function<Map<String, Object>, Optional<TaskInvocation.Probed>> probe) {
        List<Object> items = LoopItems.evaluate(task.loop(), templar, vars, task.location().toString());
        LoopControlValues control = LoopControlValues.resolve(task, templar, vars);
        // with a pause or until the items wait for something on the host: each reads it when its turn comes
        List<PrefetchingConnection> prefetched = items.size() > 1 && control.pauseSeconds() <= 0 && task.until().isEmpty()
                ? prefetch(task, vars, items, control, probe) : List.of();
        try {
            return runItems(task, host, vars, body, items, control);
        } finally {
            prefetched.forEach(PrefetchingConnection::forget);
        }
    }

    private List<PrefetchingConnection> prefetch(Task task, Map<String, Object> vars, List<Object> items,
                                                 LoopControlValues control,
                                                 Function<Map<String, Object>, Optional<TaskInvocation.Probed>> probe) {
        Map<PrefetchingConnection, List<PrefetchingConnection.Read>> reads = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            probe.apply(itemVars(task, vars, items, i, control))
                    .ifPresent(p -> reads.computeIfAbsent(p.connection(), c -> new ArrayList<>()).addAll(p.reads()));
        }
        reads.forEach((connection, list) -> {
            try {
                connection.prefetch(list);
            } catch (RuntimeException e) {
                // the items read one by one and meet the problem themselves
                connection.forget();
            }
        });
        return List.copyOf(reads.keySet());
    }

    private Map<String, Object> itemVars(Task task, Map<String, Object> vars, List<Object> items, int i,
                                         LoopControlValues control) {
        Map<String, Object> itemVars = new LinkedHashMap<>(vars);
        itemVars.put(task.loopVar(), items.get(i));
        itemVars.put("ansible_loop_var", task.loopVar());
        if (task.loopIndexVar() != null) {
            itemVars.put(task.loopIndexVar(), i);
            itemVars.put("ansible_index_var", task.loopIndexVar());
        }
        if (control.extended()) {
            itemVars.put("ansible_loop", control.info(items, i));
        }
        return itemVars;
    }

    private TaskResult runItems(Task task, String host, Map<String, Object> vars,
                                BiFunction<Map<String, Object>, String, TaskResult> body, List<Object> items,
                                LoopControlValues control) {
        List<TaskResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (i > 0) {
                control.pause();
            }
            Map<String, Object> itemVars = itemVars(task, vars, items, i, control);
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
