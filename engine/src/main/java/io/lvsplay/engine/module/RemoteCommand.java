package io.lvsplay.engine.module;

/**
 * A shell script to run on the host as the task's become user; {@code stdin} (may be empty) carries
 * what must not appear on a command line (file content, a passphrase). {@code becomeUser} is null
 * for the task's user; no module sets another yet, and the executor refuses one.
 */
public record RemoteCommand(String script, byte[] stdin, String becomeUser) implements HostStep {

    public RemoteCommand {
        stdin = stdin == null ? new byte[0] : stdin;
    }

    public static RemoteCommand of(String script) {
        return new RemoteCommand(script, null, null);
    }

    public static RemoteCommand of(String script, byte[] stdin) {
        return new RemoteCommand(script, stdin, null);
    }

    @Override
    public String shown() {
        return stdin.length == 0 ? script : script + " (" + stdin.length + " bytes on stdin)";
    }
}
