package io.lvsplay.modules;

import io.lvsplay.engine.module.ModuleFailure;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Playbooks carry Python regular expressions. Java's syntax is close; the differences that
 * show up in practice are named groups ({@code (?P<n>...)}, {@code (?P=n)}) and backreference
 * templates ({@code \1}, {@code \g<1>}, {@code \g<name>}), which are translated here.
 */
final class PythonRegex {
    private static final Pattern TEMPLATE_REF = Pattern.compile("\\\\(?:g<([A-Za-z_][A-Za-z0-9_]*|\\d+)>|(\\d{1,2}))");

    private PythonRegex() {
    }

    static Pattern compile(String regex, String argName) {
        String java = regex.replace("(?P<", "(?<").replaceAll("\\(\\?P=([A-Za-z_][A-Za-z0-9_]*)\\)", "\\\\k<$1>");
        try {
            return Pattern.compile(java);
        } catch (PatternSyntaxException e) {
            throw new ModuleFailure("invalid regular expression in " + argName + ": " + regex + " (" + e.getDescription() + ")");
        }
    }

    /** Python's match.expand(template): backreferences filled in, other text kept. */
    static String expand(Matcher match, String template) {
        Matcher ref = TEMPLATE_REF.matcher(template);
        StringBuilder out = new StringBuilder();
        while (ref.find()) {
            String group = ref.group(1) != null ? ref.group(1) : ref.group(2);
            String value = group.chars().allMatch(Character::isDigit)
                    ? match.group(Integer.parseInt(group)) : match.group(group);
            ref.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        ref.appendTail(out);
        return out.toString();
    }
}
