package io.lvsplay.engine.template.lookup;

import java.util.Map;

/**
 * A template's own variable and comment delimiters (the template lookup's
 * {@code variable_start_string} ...), rewritten to Jinja's defaults; text that would read as a
 * default delimiter is kept literal.
 */
record Delimiters(String varStart, String varEnd, String commentStart, String commentEnd) {

    static Delimiters of(Map<String, Object> options) {
        return new Delimiters(String.valueOf(options.getOrDefault("variable_start_string", "{{")),
                String.valueOf(options.getOrDefault("variable_end_string", "}}")),
                String.valueOf(options.getOrDefault("comment_start_string", "{#")),
                String.valueOf(options.getOrDefault("comment_end_string", "#}")));
    }

    boolean standard() {
        return varStart.equals("{{") && varEnd.equals("}}") && commentStart.equals("{#") && commentEnd.equals("#}");
    }

    String toStandard(String text) {
        if (standard()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith(varStart, i)) {
                int end = text.indexOf(varEnd, i + varStart.length());
                if (end < 0) {
                    throw new LookupFailure("unclosed '" + varStart + "' in template");
                }
                out.append("{{").append(text, i + varStart.length(), end).append("}}");
                i = end + varEnd.length();
            } else if (text.startsWith(commentStart, i)) {
                int end = text.indexOf(commentEnd, i + commentStart.length());
                if (end < 0) {
                    throw new LookupFailure("unclosed '" + commentStart + "' in template");
                }
                i = end + commentEnd.length();
            } else if (!varStart.equals("{{") && text.startsWith("{{", i)
                    || !commentStart.equals("{#") && text.startsWith("{#", i)) {
                out.append("{{ '").append(text, i, i + 2).append("' }}");
                i += 2;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }
}
