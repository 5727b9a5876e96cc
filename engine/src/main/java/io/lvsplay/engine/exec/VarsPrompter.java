package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.PlaybookError;
import io.lvsplay.engine.playbook.VarsPrompt;
import java.io.Console;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks a play's vars_prompt questions when the play starts, as ansible-playbook does: a variable
 * set with -e is not asked; an empty answer takes the default; the answers are play vars.
 */
final class VarsPrompter {
    /** Reads one answer; null when there is no terminal to ask on. */
    interface Terminal {
        String ask(String question, boolean hidden);
    }

    static final Terminal CONSOLE = (question, hidden) -> {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        if (hidden) {
            char[] answer = console.readPassword("%s", question);
            return answer == null ? "" : new String(answer);
        }
        String answer = console.readLine("%s", question);
        return answer == null ? "" : answer;
    };

    private VarsPrompter() {
    }

    static Play answer(Play play, Map<String, Object> extraVars, Terminal terminal) {
        if (play.varsPrompt().isEmpty()) {
            return play;
        }
        Map<String, Object> vars = new LinkedHashMap<>(play.vars());
        for (VarsPrompt p : play.varsPrompt()) {
            if (extraVars.containsKey(p.name())) {
                continue;
            }
            String question = p.prompt() == null ? "input for " + p.name() + ": "
                    : p.defaultValue() != null ? p.prompt() + " [" + p.defaultValue() + "]: " : p.prompt() + ": ";
            String answer = terminal.ask(question, p.isPrivate());
            if (answer == null && p.defaultValue() == null) {
                throw new PlaybookError(play.location(), "vars_prompt '" + p.name() + "' needs an answer and there is"
                        + " no terminal to ask on; pass it with -e " + p.name() + "=VALUE, or give it a default");
            }
            vars.put(p.name(), answer == null || answer.isEmpty() && p.defaultValue() != null ? p.defaultValue() : answer);
        }
        return play.withVars(vars);
    }
}
