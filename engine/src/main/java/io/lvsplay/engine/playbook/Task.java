package io.lvsplay.engine.playbook;

import java.util.List;
import java.util.Map;

/** One module call with the keywords that steer it. */
public record Task(
        TaskOptions options,
        String module,
        String moduleAsWritten,
        Map<String, Object> args,
        Object loop,
        String loopVar,
        String loopLabel,
        String loopIndexVar,
        String register,
        List<String> changedWhen,
        List<String> failedWhen,
        List<String> notifies,
        List<String> listen,
        List<String> until,
        int retries,
        int delaySeconds,
        SourceLocation location,
        Role role) implements TaskItem {

    /** The header name: the task's name, or the module name like Ansible. */
    public String title() {
        return options.name() != null ? options.name() : moduleAsWritten;
    }
}
