package io.lvsplay.engine.playbook;

/**
 * Whether a task's failure is handled where it runs: the task ignores errors (ignore_errors true or
 * templated), decides failure itself (failed_when), or sits in a block with rescue or ignore_errors.
 * Argument errors Ansible finds only at run time are then left for run time, where they fail the
 * task as in Ansible; unhandled, lvsplay reports them before any host is contacted.
 */
public final class FailureHandling {
    private FailureHandling() {
    }

    /** The item's own keywords handle its failure (a block's also cover its rescue and always). */
    public static boolean handlesOwn(TaskItem item) {
        return ignoresErrors(item.options()) || item instanceof Task t && !t.failedWhen().isEmpty();
    }

    /** ignore_errors true, or a template (whose value is known only when the task runs). */
    public static boolean ignoresErrors(TaskOptions options) {
        return Boolean.TRUE.equals(options.ignoreErrors()) || options.deferred().containsKey("ignore_errors");
    }

    /** A failure in the block's {@code block:} section is handled (by rescue or ignore_errors). */
    public static boolean handlesBody(Block block) {
        return !block.rescue().isEmpty() || handlesOwn(block);
    }
}
