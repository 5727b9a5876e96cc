package io.lvsplay.engine.playbook;

import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's split_args and join_args for an argument string of several lines ({@code shell: |}):
 * a word may span lines inside quotes or {{ }}, a lone {@code \} at a line's end joins it to the
 * next, and each other line end is kept, so the command Ansible runs is the one lvsplay runs.
 */
final class MultilineArgs {
    private MultilineArgs() {
    }

    static List<String> split(String args) {
        List<String> params = new ArrayList<>();
        String[] items = args.split("\n", -1);
        Character quote = null;
        int print = 0;
        int block = 0;
        int comment = 0;
        for (int itemIdx = 0; itemIdx < items.length; itemIdx++) {
            String[] tokens = items[itemIdx].split(" ", -1);
            boolean continuation = false;
            for (int idx = 0; idx < tokens.length; idx++) {
                String token = tokens[idx];
                if (token.isEmpty() && idx != 0) {
                    last(params, " ");
                    continue;
                }
                boolean inside = quote != null;
                if (token.equals("\\") && !inside) {
                    continuation = true;
                    continue;
                }
                boolean wasInside = inside;
                quote = quoteState(token, quote);
                inside = quote != null;
                boolean appended = false;
                boolean inJinja = print > 0 || block > 0 || comment > 0;
                if (inside && !wasInside && !inJinja) {
                    params.add(token);
                    appended = true;
                } else if (inJinja || inside || wasInside) {
                    String prev = params.remove(params.size() - 1);
                    if (idx == 0 && wasInside) {
                        params.add(prev + token);
                    } else if (tokens.length > 1) {
                        params.add(prev + (idx > 0 ? " " : "") + token);
                    } else {
                        params.add(prev + "\n" + token);
                    }
                    appended = true;
                }
                int before = print;
                print = depth(token, print, "{{", "}}");
                if (print != before && !appended) {
                    params.add(token);
                    appended = true;
                }
                before = block;
                block = depth(token, block, "{%", "%}");
                if (block != before && !appended) {
                    params.add(token);
                    appended = true;
                }
                before = comment;
                comment = depth(token, comment, "{#", "#}");
                if (comment != before && !appended) {
                    params.add(token);
                    appended = true;
                }
                if (print == 0 && block == 0 && comment == 0 && quote == null && !appended && !token.isEmpty()) {
                    params.add(token);
                }
            }
            if (items.length > 1 && itemIdx != items.length - 1 && !continuation && !params.isEmpty()) {
                last(params, "\n");
            }
        }
        if (print > 0 || block > 0 || comment > 0 || quote != null) {
            throw new IllegalArgumentException("failed at splitting arguments, either an unbalanced jinja2 block"
                    + " or quotes: " + args);
        }
        return params;
    }

    /** join_args: words joined by a space, except after a line end. */
    static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append(' ');
            }
            out.append(w);
        }
        return out.toString();
    }

    private static void last(List<String> params, String suffix) {
        if (!params.isEmpty()) {
            params.set(params.size() - 1, params.get(params.size() - 1) + suffix);
        }
    }

    private static Character quoteState(String token, Character quote) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if ((c == '"' || c == '\'') && (i == 0 || token.charAt(i - 1) != '\\')) {
                if (quote == null) {
                    quote = c;
                } else if (quote == c) {
                    quote = null;
                }
            }
        }
        return quote;
    }

    private static int depth(String token, int depth, String open, String close) {
        int opens = count(token, open);
        int closes = count(token, close);
        return opens == closes ? depth : Math.max(0, depth + opens - closes);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
