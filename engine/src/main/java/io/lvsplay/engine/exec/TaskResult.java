package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.template.UnsafeText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one task (or one loop item) on one host. {@code data} is what the module returned
 * (msg, rc, stdout, facts ...); the flags Ansible adds to a registered result (changed, failed,
 * skipped, unreachable) are typed fields here and only become keys in {@link #registered()}.
 * {@code changed} can be true with status FAILED: a command that ran and failed did change something.
 * {@code shown}: the module's result is the point of the task (debug), so the output prints it.
 */
public record TaskResult(String host, TaskStatus status, boolean changed, boolean ignored, String delegatedTo,
                         String itemLabel, Map<String, Object> data, List<Diff> diffs, List<TaskResult> items,
                         boolean noLog, boolean shown) {

    /** The module asks for its result to be shown without -v (assert unless quiet), Ansible's own flag. */
    public static final String VERBOSE_ALWAYS = "_ansible_verbose_always";

    public TaskResult {
        changed = changed || status == TaskStatus.CHANGED || items.stream().anyMatch(TaskResult::changed);
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        diffs = List.copyOf(diffs);
        items = List.copyOf(items);
    }

    static TaskResult of(String host, TaskStatus status, Map<String, Object> data) {
        return new TaskResult(host, status, false, false, null, null, data, List.of(), List.of(), false, false);
    }

    static TaskResult ok(String host) {
        return of(host, TaskStatus.OK, Map.of());
    }

    static TaskResult failure(String host, String msg) {
        return of(host, TaskStatus.FAILED, Map.of("msg", String.valueOf(msg)));
    }

    static TaskResult unreachable(String host, String msg) {
        return of(host, TaskStatus.UNREACHABLE, Map.of("msg", String.valueOf(msg)));
    }

    public boolean failed() {
        return status == TaskStatus.FAILED;
    }

    public String msg() {
        Object msg = data.get("msg");
        return msg == null ? null : String.valueOf(msg);
    }

    /** The register value: data plus the standard changed/failed/skipped flags; its text is unsafe, as in Ansible. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> registered() {
        Map<String, Object> out = new LinkedHashMap<>(data);
        out.remove(VERBOSE_ALWAYS);
        out.put("changed", changed);
        // data says failed when until ran out on a task that failed_when judged not failed
        out.put("failed", status == TaskStatus.FAILED || Boolean.TRUE.equals(data.get("failed")));
        if (status == TaskStatus.SKIPPED) {
            out.put("skipped", true);
        }
        if (status == TaskStatus.UNREACHABLE) {
            out.put("unreachable", true);
        }
        if (!items.isEmpty()) {
            out.put("results", items.stream().map(TaskResult::registered).toList());
        }
        // a command's stdout "{{ foo }}" is what it printed, never a template
        return (Map<String, Object>) UnsafeText.wrap(out);
    }

    public TaskResult withStatus(TaskStatus newStatus, boolean newIgnored) {
        return new TaskResult(host, newStatus, changed && newStatus != TaskStatus.OK, newIgnored, delegatedTo, itemLabel,
                data, diffs, items, noLog, shown);
    }

    /** The status after changed_when / failed_when: changed is what the condition says, not what the module did. */
    TaskResult judged(TaskStatus newStatus, boolean newChanged, Map<String, Object> newData) {
        TaskStatus status = newStatus == TaskStatus.CHANGED && !newChanged ? TaskStatus.OK : newStatus;
        return new TaskResult(host, status, newChanged, ignored, delegatedTo, itemLabel, newData, diffs, items, noLog, shown);
    }

    public TaskResult withHost(String newHost) {
        return new TaskResult(newHost, status, changed, ignored, delegatedTo, itemLabel, data, diffs, items, noLog, shown);
    }

    TaskResult withData(Map<String, Object> newData) {
        return new TaskResult(host, status, changed, ignored, delegatedTo, itemLabel, newData, diffs, items, noLog, shown);
    }

    TaskResult withItem(String label, Map<String, Object> newData) {
        return new TaskResult(host, status, changed, ignored, delegatedTo, label, newData, diffs, items, noLog, shown);
    }

    TaskResult withDelegate(String delegate) {
        return new TaskResult(host, status, changed, ignored, delegate, itemLabel, data, diffs, items, noLog, shown);
    }

    TaskResult withNoLog(boolean value) {
        return new TaskResult(host, status, changed, ignored, delegatedTo, itemLabel, data, diffs, items, value, shown);
    }

    /** no_log: results and diffs are hidden, in every item too. */
    TaskResult hidden() {
        return new TaskResult(host, status, changed, ignored, delegatedTo, itemLabel, data, List.of(),
                items.stream().map(TaskResult::hidden).toList(), true, shown);
    }
}
