package io.lvsplay.engine.transport;

import io.lvsplay.engine.remote.ShellQuote;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How lvsplay runs something through sudo, as Ansible does: sudo prints a prompt unique to this
 * launch when it wants the password, and the command prints a unique ready line first, so the
 * password is sent only after the prompt and the command's own input only after the ready line.
 *
 * @param password null when none is configured: a prompt then fails
 */
public record Sudo(String user, String password) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The command line that runs {@code command} as the user, with the handshake for {@code key}. */
    public String wrap(String command, String key) {
        return "sudo -H -S -p " + ShellQuote.quote(promptOf(key)) + " -u " + ShellQuote.quote(user)
                + " -- /bin/sh -c " + ShellQuote.quote("echo " + readyOf(key) + "; " + command);
    }

    /** The handshake's expectations for a command made by {@link #wrap} with the same key. */
    public PromptReply reply(String key) {
        return new PromptReply(promptOf(key), readyOf(key), password);
    }

    public static String randomKey() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String promptOf(String key) {
        return "[lvsplay become password " + key + "] ";
    }

    private static String readyOf(String key) {
        return "LVSPLAY-BECOME-OK-" + key;
    }

    @Override
    public String toString() {
        return "Sudo[user=" + user + ", password=********]";
    }
}
