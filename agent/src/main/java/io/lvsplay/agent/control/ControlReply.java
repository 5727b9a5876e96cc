package io.lvsplay.agent.control;

/** What the agent answers on the control socket: the exit code for the CLI and the text to print. */
public record ControlReply(int exitCode, String body) {

    public static ControlReply ok(String body) {
        return new ControlReply(0, body);
    }

    public static ControlReply error(String message) {
        return new ControlReply(1, message.endsWith("\n") ? message : message + "\n");
    }
}
