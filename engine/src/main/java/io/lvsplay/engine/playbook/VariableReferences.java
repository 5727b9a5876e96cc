package io.lvsplay.engine.playbook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the top-level variable names a Jinja2 expression or template text reads, for the checks
 * made before a run. Names guarded by "is defined" or "| default" are left out.
 */
public final class VariableReferences {
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
    private static final Pattern LOCAL = Pattern.compile(
            "\\{%-?\\s*(?:for|set)\\s+([A-Za-z_][A-Za-z0-9_]*(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)*)\\s*(?:in\\b|=)");
    /** {% import 'x' as name %} and {% from 'x' import a, b as c %} bind names too. */
    private static final Pattern IMPORT_AS = Pattern.compile("\\{%-?\\s*import\\s+.+?\\s+as\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern FROM_IMPORT = Pattern.compile(
            "\\{%-?\\s*from\\s+.+?\\s+import\\s+(.+?)(?:\\s+with(?:out)?\\s+context)?\\s*-?%}");
    private static final Pattern RAW = Pattern.compile("\\{%-?\\s*raw\\s*-?%}.*?\\{%-?\\s*endraw\\s*-?%}", Pattern.DOTALL);
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "elif",
            "endif", "for", "endfor", "set", "endset", "macro", "endmacro", "call", "endcall", "filter", "endfilter",
            "raw", "endraw", "with", "endwith", "block", "endblock", "recursive", "true", "false", "none", "True",
            "False", "None", "loop", "range", "lookup", "query", "q", "dict", "namespace", "super", "caller",
            "varargs", "kwargs", "self", "import", "include", "from", "as", "do", "context", "without");

    private VariableReferences() {
    }

    /** Names read by a value that may hold {{ }} (strings, lists, maps). */
    public static Set<String> inValue(Object value) {
        Set<String> names = new LinkedHashSet<>();
        collect(value, names);
        return names;
    }

    private static void collect(Object value, Set<String> names) {
        if (value instanceof String text) {
            // {% raw %}{{ foo }}{% endraw %} is literal text, it reads no variable
            String s = RAW.matcher(text).replaceAll("");
            Set<String> found = new LinkedHashSet<>();
            Matcher m = EXPRESSION.matcher(s);
            while (m.find()) {
                String expr = m.group(1) != null ? m.group(1) : m.group(2);
                found.addAll(inExpression(expr));
            }
            // names bound inside the template itself ({% for x in ... %}, {% set x = ... %}) are not variables
            Matcher local = LOCAL.matcher(s);
            while (local.find()) {
                for (String bound : local.group(1).split(",")) {
                    found.remove(bound.trim());
                }
            }
            Matcher imported = IMPORT_AS.matcher(s);
            while (imported.find()) {
                found.remove(imported.group(1));
            }
            Matcher from = FROM_IMPORT.matcher(s);
            while (from.find()) {
                // "a, b as c": a and b name macros of the other template, a and c are bound here
                for (String word : from.group(1).split("[\\s,]+")) {
                    found.remove(word);
                }
            }
            names.addAll(found);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, names));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, names));
        }
    }

    /** Names read by a bare expression (a when: condition). */
    public static Set<String> inExpression(String expression) {
        Set<String> names = new LinkedHashSet<>();
        String text = stripStrings(expression);
        Set<String> guarded = guardedNames(expression);
        Matcher m = IDENT.matcher(text);
        while (m.find()) {
            String name = m.group();
            int start = m.start();
            int end = m.end();
            String before = text.substring(0, start).stripTrailing();
            String after = text.substring(end).stripLeading();
            if (KEYWORDS.contains(name) || guarded.contains(name) || before.endsWith(".") || before.endsWith("|")
                    || before.endsWith(" is") || before.endsWith(" is not") || before.equals("is")
                    || (after.startsWith("=") && !after.startsWith("==")) || Character.isDigit(text.charAt(start))
                    || (start > 0 && Character.isDigit(text.charAt(start - 1)))) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    /** Names the expression only uses behind "is defined", "is undefined" or "| default(". */
    public static Set<String> guardedNames(String expression) {
        Set<String> guarded = new LinkedHashSet<>();
        Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)[A-Za-z0-9_.\\[\\]'\"]*\\s*(is\\s+(not\\s+)?(defined|undefined)|\\|\\s*(default|d)\\b)")
                .matcher(expression);
        while (m.find()) {
            guarded.add(m.group(1));
        }
        return guarded;
    }

    private static String stripStrings(String text) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote && text.charAt(i - 1) != '\\') {
                    quote = 0;
                }
                out.append(' ');
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
