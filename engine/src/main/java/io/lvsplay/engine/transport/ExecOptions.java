package io.lvsplay.engine.transport;

/**
 * Per-command settings: a deadline (the task's {@code timeout:} keyword or the default) and the
 * become prompt to answer, if any.
 */
public record ExecOptions(int timeoutSeconds, PromptReply become) {
    /** With no {@code timeout:} keyword a command may run this long before it is stopped. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 3600;
    public static final ExecOptions DEFAULT = new ExecOptions(DEFAULT_TIMEOUT_SECONDS, null);

    public ExecOptions withBecome(PromptReply reply) {
        return new ExecOptions(timeoutSeconds, reply);
    }
}
