package io.lvsplay.engine.remote;

import io.lvsplay.engine.module.ModuleFailure;

/**
 * The task keyword {@code timeout: N}: the whole action on one host (one loop item, one attempt)
 * gets N seconds, as Ansible's SIGALRM around the action does. On the host each command runs under
 * coreutils {@code timeout -s KILL}, so a command past the deadline is killed there (with its
 * process group), not only abandoned by lvsplay.
 */
public final class TaskDeadline {
    /** Extra time lvsplay waits past the deadline for the host's own kill to come back. */
    static final int GRACE_SECONDS = 5;
    private final String action;
    private final int seconds;
    private final long endNanos;

    private TaskDeadline(String action, int seconds, long endNanos) {
        this.action = action;
        this.seconds = seconds;
        this.endNanos = endNanos;
    }

    /** Starts now; {@code action} is the module name, which Ansible's message names. */
    public static TaskDeadline start(String action, int seconds) {
        return new TaskDeadline(action, seconds, System.nanoTime() + seconds * 1_000_000_000L);
    }

    /** Whole seconds left, rounded up; 0 or less when the deadline has passed. */
    int secondsLeft() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? 0 : (int) ((left + 999_999_999L) / 1_000_000_000L);
    }

    boolean passed() {
        return System.nanoTime() >= endNanos;
    }

    /** The command, killed on the host once the deadline passes. */
    String wrap(String command, int left) {
        return "timeout -s KILL " + left + " /bin/sh -c " + ShellQuote.quote(command);
    }

    /** Ansible 2.14's result for a task past its timeout (task_executor.py). */
    public ModuleFailure failure() {
        return new ModuleFailure("The " + action + " action failed to execute in the expected time frame ("
                + seconds + ") and was terminated");
    }
}
