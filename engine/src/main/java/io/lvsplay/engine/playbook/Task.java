package io.lvsplay.engine.playbook;

import java.util.List;
import java.util.Map;

/**
 * One module call with the keywords that steer it. {@code module} may be a template ("{{ m }}"),
 * resolved per host when the task runs. retries, delay, async, poll and timeout are kept as written (a number
 * or a template) and made whole numbers at run time, as Ansible does.
 */
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
        Object retries,
        Object delay,
        Object async,
        Object poll,
        Object timeout,
        SourceLocation location,
        Role role,
        LoopControl loopControl) implements TaskItem {

    /** The header name: the task's name, or the module name like Ansible. */
    public String title() {
        return options.name() != null ? options.name() : moduleAsWritten;
    }
}
