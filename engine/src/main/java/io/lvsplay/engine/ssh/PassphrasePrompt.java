package io.lvsplay.engine.ssh;

import java.io.Console;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Asks once on the terminal for the passphrase of an encrypted key file (like ssh does), and
 * remembers it for the run so 50 hosts do not ask 50 times. Without a terminal the key cannot be
 * used: set LVSPLAY_KEY_PASSPHRASE instead.
 */
final class PassphrasePrompt implements PasswordFinder {
    private static final Map<String, char[]> ANSWERS = new ConcurrentHashMap<>();

    @Override
    public char[] reqPassword(Resource<?> resource) {
        String key = String.valueOf(resource.getDetail());
        synchronized (ANSWERS) {
            char[] known = ANSWERS.get(key);
            if (known != null) {
                return known.clone();
            }
            Console console = System.console();
            if (console == null) {
                return null;
            }
            char[] answer = console.readPassword("Enter passphrase for key '%s': ", key);
            if (answer != null) {
                ANSWERS.put(key, answer.clone());
            }
            return answer;
        }
    }

    @Override
    public boolean shouldRetry(Resource<?> resource) {
        ANSWERS.remove(String.valueOf(resource.getDetail()));
        return System.console() != null;
    }
}
