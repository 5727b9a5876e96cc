package io.lvsplay.engine.transport;

/**
 * How a become command asks for its password. The command prints {@code readyMarker} on stdout
 * once it runs as the target user; sudo/su print {@code prompt} on stderr (or the pty) when they
 * want the password. The password is written only after the prompt is seen, and the task's own
 * stdin only after the ready marker, so neither can end up in the other.
 *
 * @param password null when none is configured: a prompt then fails the task
 */
public record PromptReply(String prompt, String readyMarker, String password) {
    @Override
    public String toString() {
        return "PromptReply[prompt=" + prompt + ", readyMarker=" + readyMarker + ", password=********]";
    }
}
