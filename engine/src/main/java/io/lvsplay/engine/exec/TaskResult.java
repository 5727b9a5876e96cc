package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.Diff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one task (or one loop item) on one host. {@code data} is what `register` stores
 * (changed, failed, msg, rc, stdout, results ...).
 */
public record TaskResult(String host, TaskStatus status, boolean ignored, String delegatedTo, String itemLabel,
                         Map<String, Object> data, List<Diff> diffs, List<TaskResult> items, boolean noLog) {

    public boolean changed() {
        return status == TaskStatus.CHANGED || items.stream().anyMatch(TaskResult::changed);
    }

    public boolean failed() {
        return status == TaskStatus.FAILED;
    }

    public String msg() {
        Object msg = data.get("msg");
        return msg == null ? null : String.valueOf(msg);
    }

    /** The register value: data plus the standard changed/failed/skipped flags. */
    public Map<String, Object> registered() {
        Map<String, Object> out = new LinkedHashMap<>(data);
        out.put("changed", changed());
        out.put("failed", status == TaskStatus.FAILED);
        if (status == TaskStatus.SKIPPED) {
            out.put("skipped", true);
        }
        if (status == TaskStatus.UNREACHABLE) {
            out.put("unreachable", true);
        }
        if (!items.isEmpty()) {
            out.put("results", items.stream().map(TaskResult::registered).toList());
        }
        return out;
    }

    public TaskResult withStatus(TaskStatus newStatus, boolean newIgnored) {
        return new TaskResult(host, newStatus, newIgnored, delegatedTo, itemLabel, data, diffs, items, noLog);
    }

    public TaskResult withHost(String newHost) {
        return new TaskResult(newHost, status, ignored, delegatedTo, itemLabel, data, diffs, items, noLog);
    }
}
