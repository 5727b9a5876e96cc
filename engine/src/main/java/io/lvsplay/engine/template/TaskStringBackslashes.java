package io.lvsplay.engine.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code _escape_backslashes}: in a templated task value or variable (not in a template
 * file), backslashes inside string literals of {@code {{ }}} are doubled before Jinja2 sees them, so
 * YAML's unescaping is the only one: {@code "{{ x | regex_replace('(\\d)', '\\1') }}"} reaches the
 * filter as {@code \1}, and {@code '\1'} stays two characters instead of becoming chr(1).
 * {@code {% %}} blocks, comments, raw blocks and text outside expressions are left as they are.
 */
final class TaskStringBackslashes {
    private static final Pattern RAW = Pattern.compile("\\{%-?\\s*raw\\s*-?%}");
    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}");

    private TaskStringBackslashes() {
    }

    static String escape(String text) {
        if (text.indexOf('\\') < 0 || !text.contains("{{")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (text.startsWith("{%", i)) {
                Matcher raw = RAW.matcher(text).region(i, n);
                int end;
                if (raw.lookingAt()) {
                    Matcher endRaw = END_RAW.matcher(text);
                    end = endRaw.find(raw.end()) ? endRaw.end() : n;
                } else {
                    int close = text.indexOf("%}", i + 2);
                    end = close < 0 ? n : close + 2;
                }
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("{#", i)) {
                int close = text.indexOf("#}", i + 2);
                int end = close < 0 ? n : close + 2;
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("{{", i)) {
                i = expression(text, i, out);
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Copies one {@code {{ ... }}} from {@code start}, doubling backslashes in its string literals. */
    private static int expression(String text, int start, StringBuilder out) {
        out.append("{{");
        int i = start + 2;
        int n = text.length();
        int depth = 0; // Jinja2's lexer ends the expression only at a "}}" outside brackets
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = stringEnd(text, i);
                if (end < 0) { // unterminated: Jinja2 reports it; leave the text as written
                    out.append(text, i, n);
                    return n;
                }
                out.append(text.substring(i, end).replace("\\", "\\\\"));
                i = end;
            } else if (depth == 0 && text.startsWith("}}", i)) {
                out.append("}}");
                return i + 2;
            } else {
                if (c == '{' || c == '(' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ')' || c == ']') && depth > 0) {
                    depth--;
                }
                out.append(c);
                i++;
            }
        }
        return n;
    }

    /** The index after the closing quote of the literal opening at {@code start}, or -1. */
    private static int stringEnd(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return -1;
    }
}
