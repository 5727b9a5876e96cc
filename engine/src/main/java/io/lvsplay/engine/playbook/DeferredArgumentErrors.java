package io.lvsplay.engine.playbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Argument errors Ansible reports only when the task runs (a missing required argument, a bad
 * value or type, mutually exclusive arguments): kept by task location while parsing, then, once
 * the play is built, refused at load time for every task whose failure nothing handles
 * ({@link FailureHandling}). Handled tasks keep them for run time, where the executor's own
 * argument check fails the task with Ansible's message.
 */
final class DeferredArgumentErrors {
    private final Map<SourceLocation, PlaybookError> byTask = new HashMap<>();

    void add(SourceLocation task, PlaybookError error) {
        byTask.put(task, error);
    }

    /** Throws the first error of a task in {@code items} whose failure is not handled. */
    void refuseUnhandled(List<TaskItem> items, boolean handled) {
        if (byTask.isEmpty()) {
            return;
        }
        for (TaskItem item : items) {
            boolean here = handled || FailureHandling.handlesOwn(item);
            if (item instanceof Task t && !here && byTask.containsKey(t.location())) {
                throw byTask.get(t.location());
            } else if (item instanceof Block b) {
                refuseUnhandled(b.block(), handled || FailureHandling.handlesBody(b));
                refuseUnhandled(b.rescue(), here);
                refuseUnhandled(b.always(), here);
            } else if (item instanceof IncludeTasks inc && inc.isStatic() && inc.preloaded() != null) {
                // a dynamic include's file is Ansible's to read at run time, and so are its errors
                refuseUnhandled(inc.preloaded(), here);
            }
        }
    }
}
