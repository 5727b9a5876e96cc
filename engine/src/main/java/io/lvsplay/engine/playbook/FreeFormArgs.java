package io.lvsplay.engine.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's "key=value" argument strings: {@code copy: src=a dest=/b mode=0644}, and the free-form
 * command string of command/shell where only known keys (creates=, chdir=...) are split off.
 * Quotes and Jinja2 expressions ({{ a=b }}) are kept whole.
 */
public final class FreeFormArgs {
    private FreeFormArgs() {
    }

    /** Splits on spaces outside quotes and outside {{ }} / {% %}, like Ansible's split_args. */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        int jinjaDepth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (jinjaDepth == 0 && quote == 0 && Character.isWhitespace(c)) {
                if (!cur.isEmpty()) {
                    words.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            if (i + 1 < text.length() && (text.startsWith("{{", i) || text.startsWith("{%", i))) {
                jinjaDepth++;
                cur.append(c).append(text.charAt(++i));
                continue;
            }
            if (jinjaDepth > 0 && i + 1 < text.length() && (text.startsWith("}}", i) || text.startsWith("%}", i))) {
                jinjaDepth--;
                cur.append(c).append(text.charAt(++i));
                continue;
            }
            if (jinjaDepth == 0 && (c == '"' || c == '\'')) {
                if (quote == 0) {
                    quote = c;
                } else if (quote == c && (i == 0 || text.charAt(i - 1) != '\\')) {
                    quote = 0;
                }
            }
            cur.append(c);
        }
        if (!cur.isEmpty()) {
            words.add(cur.toString());
        }
        return words;
    }

    /**
     * Parses "k=v k2='v 2'" into a map. Words that are not k=v go to "_raw_params" when the module
     * is free-form (joined with spaces, original text kept), otherwise they are an error.
     */
    public static Map<String, Object> parse(String text, boolean freeForm, List<String> freeFormKeys) {
        if (freeForm && text.strip().contains("\n")) {
            return parseLines(text, freeFormKeys);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        for (String word : split(text)) {
            int eq = equalsOutsideJinja(word);
            String key = eq > 0 ? word.substring(0, eq) : null;
            // a templated key ("{{ item }}=moo", as set_fact takes) is a key too
            boolean isKeyValue = key != null && (key.matches("[A-Za-z_][A-Za-z0-9_]*")
                    || key.contains("{{") && key.trim().endsWith("}}"));
            if (isKeyValue && (!freeForm || freeFormKeys.contains(key))) {
                args.put(key, unquote(word.substring(eq + 1)));
            } else if (freeForm) {
                raw.add(word);
            } else {
                throw new IllegalArgumentException("'" + word + "' is not in key=value form");
            }
        }
        if (freeForm && !raw.isEmpty()) {
            // a multi-line script (shell: |) must keep its newlines: take the text as written
            // unless key=value words were split out of it
            args.put("_raw_params", args.isEmpty() ? text.strip() : String.join(" ", raw));
        }
        return args;
    }

    /**
     * The k=v string of a module without free form. As Ansible's ModuleArgsParser, words that are
     * not k=v are kept as "_variable_params" when they hold a template (at run time a mapping of
     * further arguments, or a failure), and refused otherwise.
     */
    public static Map<String, Object> parseWithVariableParams(String text) {
        Map<String, Object> args = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String word : split(text)) {
            try {
                args.putAll(parse(word, false, List.of()));
            } catch (IllegalArgumentException e) {
                rest.add(word);
            }
        }
        if (!rest.isEmpty()) {
            String joined = String.join(" ", rest);
            if (!joined.contains("{{") && !joined.contains("{%")) {
                throw new IllegalArgumentException("'" + rest.get(0) + "' is not in key=value form");
            }
            args.put(VARIABLE_PARAMS, joined);
        }
        return args;
    }

    /** The argument a templated non-k=v module string becomes (Ansible's name for it). */
    public static final String VARIABLE_PARAMS = "_variable_params";

    /** A free-form command of several lines: split and joined again as Ansible's parse_kv does. */
    private static Map<String, Object> parseLines(String text, List<String> freeFormKeys) {
        Map<String, Object> args = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        for (String word : MultilineArgs.split(text)) {
            int eq = equalsOutsideJinja(word);
            String key = eq > 0 ? word.substring(0, eq).strip() : null;
            if (key != null && freeFormKeys.contains(key)) {
                args.put(key, unquote(word.substring(eq + 1).strip()));
            } else {
                raw.add(word);
            }
        }
        if (!raw.isEmpty()) {
            args.put("_raw_params", MultilineArgs.join(raw));
        }
        return args;
    }

    /** The index of the first '=' that is not inside {{ }} / {% %}, or -1. */
    private static int equalsOutsideJinja(String word) {
        int depth = 0;
        for (int i = 0; i < word.length(); i++) {
            if (word.startsWith("{{", i) || word.startsWith("{%", i)) {
                depth++;
                i++;
            } else if (depth > 0 && (word.startsWith("}}", i) || word.startsWith("%}", i))) {
                depth--;
                i++;
            } else if (depth == 0 && word.charAt(i) == '=') {
                return i;
            }
        }
        return -1;
    }

    static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            if ((first == '"' || first == '\'') && first == last) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }
}
