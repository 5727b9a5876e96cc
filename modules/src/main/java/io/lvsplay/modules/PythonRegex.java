package io.lvsplay.modules;

import io.lvsplay.engine.module.ModuleFailure;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python regular expressions in module arguments, through the engine's one translation
 * ({@link io.lvsplay.engine.template.PythonRegex}), with failures named for the argument.
 */
final class PythonRegex {
    private PythonRegex() {
    }

    static Pattern compile(String regex, String argName) {
        try {
            return io.lvsplay.engine.template.PythonRegex.compile(regex, false, false);
        } catch (PatternSyntaxException e) {
            throw new ModuleFailure("invalid regular expression in " + argName + ": " + regex + " (" + e.getDescription() + ")");
        }
    }

    /** Python's match.expand(template): backreferences filled in, other text kept. */
    static String expand(Matcher match, String template) {
        StringBuilder out = new StringBuilder();
        try {
            match.appendReplacement(out, io.lvsplay.engine.template.PythonRegex.replacement(template));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ModuleFailure("invalid group reference in " + template + ": " + e.getMessage());
        }
        // appendReplacement also copied the text before the match; expand gives only the template
        return out.substring(match.start());
    }
}
