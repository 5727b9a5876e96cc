package io.lvsplay.modules;

import io.lvsplay.engine.remote.ShellQuote;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command module's argv as Ansible's run_command passes it when no shell is used: each word
 * through os.path.expanduser(os.path.expandvars(word)), on the host, with the task's environment.
 * $NAME and ${NAME} become the variable's value when it is set (even empty) and stay as written
 * when not; a leading ~ or ~user becomes that home directory. Nothing else (no globs, no word
 * splitting, no command substitution) happens: the result is one shell command line whose words
 * are assembled in shell variables and passed quoted.
 */
final class ArgvExpansion {
    /** posixpath._varprog, ASCII \w. */
    private static final Pattern VAR = Pattern.compile("\\$([A-Za-z0-9_]+|\\{[^}]*\\})");
    private static final Pattern SHELL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** posixpath.expanduser: HOME (else the passwd entry) for ~, the passwd entry for ~user, unchanged if none. */
    private static final String TILDE = "lv_tilde() { lv_r=${lv_w#?}; lv_n=${lv_r%%/*}; lv_rest=${lv_r#\"$lv_n\"}; "
            + "if [ -z \"$lv_n\" ]; then if printenv HOME >/dev/null; then lv_h=$HOME; "
            + "else lv_h=$(getent passwd \"$(id -u)\" | cut -d: -f6); fi; "
            + "else lv_h=$(getent passwd \"$lv_n\") || return 0; lv_h=$(printf '%s\\n' \"$lv_h\" | cut -d: -f6); fi; "
            + "while case $lv_h in */) true ;; *) false ;; esac; do lv_h=${lv_h%/}; done; "
            + "lv_w=$lv_h$lv_rest; [ -n \"$lv_w\" ] || lv_w=/; }\n";

    private ArgvExpansion() {
    }

    /** The shell command line that runs argv with Ansible's expansion of each word. */
    static String commandLine(List<String> argv) {
        StringBuilder prelude = new StringBuilder();
        StringBuilder words = new StringBuilder();
        boolean expanded = false;
        for (int i = 0; i < argv.size(); i++) {
            String word = argv.get(i);
            boolean hasVar = word.contains("$");
            boolean hasTilde = word.startsWith("~");
            if (words.length() > 0) {
                words.append(' ');
            }
            if (!hasVar && !hasTilde) {
                words.append(ShellQuote.quote(word));
                continue;
            }
            prelude.append("lv_w=''\n");
            Matcher m = VAR.matcher(word);
            int at = 0;
            while (m.find()) {
                appendLiteral(prelude, word.substring(at, m.start()));
                String name = m.group(1).startsWith("{") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
                if (SHELL_NAME.matcher(name).matches()) {
                    // os.environ holds only exported variables (not the shell's own PPID, IFS, ...)
                    prelude.append("if printenv ").append(name).append(" >/dev/null; then lv_w=\"$lv_w$").append(name)
                            .append("\"; else lv_w=\"$lv_w\"").append(ShellQuote.quote(m.group())).append("; fi\n");
                } else {
                    appendLiteral(prelude, m.group()); // no shell can hold such a name: never set
                }
                at = m.end();
            }
            appendLiteral(prelude, word.substring(at));
            // expanduser looks at the word after expandvars
            prelude.append("case $lv_w in '~'*) lv_tilde ;; esac\n");
            expanded = true;
            prelude.append("lv_a").append(i).append("=$lv_w\n");
            words.append("\"$lv_a").append(i).append('"');
        }
        return expanded ? TILDE + prelude + words : words.toString();
    }

    private static void appendLiteral(StringBuilder prelude, String text) {
        if (!text.isEmpty()) {
            prelude.append("lv_w=\"$lv_w\"").append(ShellQuote.quote(text)).append('\n');
        }
    }
}
