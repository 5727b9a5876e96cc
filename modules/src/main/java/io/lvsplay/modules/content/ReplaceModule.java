package io.lvsplay.modules.content;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.template.PythonRegex;
import io.lvsplay.modules.ContentFiles;
import io.lvsplay.modules.support.Results;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ansible's replace: every match of a Python regexp (MULTILINE) replaced, backreferences
 * expanded, optionally only in the part of the file after {@code after} and/or before
 * {@code before} (DOTALL, first match), as Ansible's module composes them.
 */
public final class ReplaceModule implements Module {
    private static final ArgSpec SPEC = ContentFiles.withFileArgs(ArgSpec.of())
            .required("path", Type.PATH).aliases("dest", "destfile", "name")
            .required("regexp", Type.STR)
            .arg("replace", Type.STR, "")
            .arg("after", Type.STR)
            .arg("before", Type.STR)
            .arg("backup", Type.BOOL, false)
            .arg("validate", Type.STR)
            .choice("encoding", "utf-8", "utf-8", "utf8", "UTF-8");

    @Override
    public String name() {
        return "replace";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String path = args.str("path");
        ContentFiles.Current current = ContentFiles.readEditable(ctx.host(), path);
        if (!current.exists()) {
            throw new ModuleFailure("Path " + path + " does not exist !", Results.of("rc", 257));
        }
        String contents = current.text();
        String after = args.str("after");
        String before = args.str("before");
        String section = null;
        if (after != null && before != null) {
            section = after + "(?P<subsection>.*?)" + before;
        } else if (after != null) {
            section = after + "(?P<subsection>.*)";
        } else if (before != null) {
            section = "(?P<subsection>.*)" + before;
        }
        int start = 0;
        int end = contents.length();
        if (section != null) {
            Matcher m = compile("(?s)" + section, "after/before", false).matcher(contents);
            if (!m.find()) {
                return Plan.unchanged(Results.of("rc", 0,
                        "msg", "Pattern for before/after params did not match the given file: " + section));
            }
            start = m.start("subsection");
            end = m.end("subsection");
        }
        String part = contents.substring(start, end);
        Matcher m = compile(args.str("regexp"), "regexp", true).matcher(part);
        StringBuilder out = new StringBuilder();
        int count = 0;
        String replacement;
        try {
            replacement = PythonRegex.replacement(args.str("replace"));
        } catch (IllegalArgumentException e) {
            throw new ModuleFailure("invalid group reference in replace: " + e.getMessage());
        }
        while (m.find()) {
            m.appendReplacement(out, replacement);
            count++;
        }
        m.appendTail(out);
        String replaced = out.toString();
        if (count == 0 || replaced.equals(part)) {
            return Plan.changes(ContentFiles.write(current, path, contents, args, false, null),
                    Results.of("rc", 0, "msg", ""));
        }
        String text = contents.substring(0, start) + replaced + contents.substring(end);
        return Plan.changes(ContentFiles.write(current, path, text, args, args.bool("backup", false), args.str("validate")),
                Results.of("rc", 0, "msg", count + " replacements made"));
    }

    private static Pattern compile(String regex, String arg, boolean multiline) {
        try {
            return PythonRegex.compile(regex, false, multiline);
        } catch (PatternSyntaxException e) {
            throw new ModuleFailure("invalid regular expression in " + arg + ": " + regex + " (" + e.getDescription() + ")");
        }
    }

}
