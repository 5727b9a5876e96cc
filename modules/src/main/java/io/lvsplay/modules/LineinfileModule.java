package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.Probe;
import io.lvsplay.modules.FileContentPlanner.DesiredFile;
import io.lvsplay.modules.FileContentPlanner.ExistingFile;
import io.lvsplay.modules.support.Results;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Ensures one line is present (replacing the last regexp match) or that matching lines are absent. */
public final class LineinfileModule implements Module {
    private static final ArgSpec SPEC = UnsupportedArgs.fileCommon(ArgSpec.of())
            .required("path", Type.PATH)
            .alias("dest", "path").alias("destfile", "path").alias("name", "path")
            .choice("state", "present", "present", "absent")
            .arg("regexp", Type.STR).alias("regex", "regexp")
            .arg("search_string", Type.STR)
            .arg("line", Type.STR).alias("value", "line")
            .arg("insertafter", Type.STR)
            .arg("insertbefore", Type.STR)
            .arg("backrefs", Type.BOOL, false)
            .arg("create", Type.BOOL, false)
            .arg("backup", Type.BOOL, false)
            .arg("firstmatch", Type.BOOL, false)
            .arg("validate", Type.STR)
            .arg("mode", Type.RAW)
            .arg("owner", Type.STR)
            .arg("group", Type.STR)
            .mutuallyExclusive("insertbefore", "insertafter")
            .mutuallyExclusive("regexp", "search_string")
            .mutuallyExclusive("backrefs", "search_string");

    @Override
    public String name() {
        return "lineinfile";
    }


    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public List<Probe> probes(ModuleArgs args) {
        return List.of(Probe.snapshot(args.str("path")));
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String path = args.str("path");
        ExistingFile existing = FileContentPlanner.readEditable(ctx.host(), path);
        LineEdit edit = args.str("state").equals("present") ? present(args, existing, path) : absent(args, existing);
        if (edit == null) {
            return Plan.unchanged(Results.of("msg", "file not present"));
        }
        List<Change> changes = new ArrayList<>();
        if (!existing.exists()) {
            ParentDirectory.ensure(ctx.host(), path).ifPresent(changes::add);
        }
        changes.addAll(FileContentPlanner.plan(existing, new DesiredFile(path,
                TextLines.join(edit.lines()).getBytes(StandardCharsets.UTF_8),
                FileAttributes.from(args), args.bool("backup", false), args.str("validate")), "backup"));
        String msg = edit.msg().isEmpty() && !changes.isEmpty() ? "ownership, perms or SE linux context changed" : edit.msg();
        Plan plan = result(args, changes, msg, edit);
        String regexp = args.str("regexp");
        if ("".equals(regexp) || "".equals(args.str("search_string"))) {
            String warning = "The " + ("".equals(regexp) ? "regular expression" : "search string") + " is an empty string,"
                    + " which will match every line in the file. This may have unintended consequences, such as"
                    + " replacing the last line in the file rather than appending."
                    + ("".equals(regexp) ? " If this is desired, use '^' to match every line in the file and avoid this warning." : "");
            plan = plan.withResult(Results.of("warnings", List.of(warning)));
        }
        return plan;
    }

    private static Plan result(ModuleArgs args, List<Change> changes, String msg, LineEdit edit) {
        // Ansible's result: "backup" is always there ('' without one); "found" only for state=absent
        return Plan.changes(changes, args.str("state").equals("present") ? Results.of("msg", msg, "backup", "")
                : Results.of("msg", msg, "found", edit.found(), "backup", ""));
    }

    private static LineEdit present(ModuleArgs args, ExistingFile existing, String path) {
        if (args.bool("backrefs", false) && args.str("regexp") == null) {
            throw new ModuleFailure("regexp is required with backrefs=true");
        }
        String line = args.str("line");
        if (line == null) {
            throw new ModuleFailure("line is required with state=present");
        }
        if (!existing.exists() && !args.bool("create", false)) {
            throw new ModuleFailure("Destination " + path + " does not exist !", Results.of("rc", 257));
        }
        String after = args.str("insertafter");
        String before = args.str("insertbefore");
        if (after == null && before == null) {
            after = "EOF";
        }
        return LineEdit.present(TextLines.split(existing.text()), line, args.str("regexp"), args.str("search_string"),
                after, before, args.bool("backrefs", false), args.bool("firstmatch", false));
    }

    private static LineEdit absent(ModuleArgs args, ExistingFile existing) {
        String regexp = args.str("regexp");
        String search = args.str("search_string");
        String line = args.str("line");
        if (regexp == null && search == null && line == null) {
            throw new ModuleFailure("one of line, search_string, or regexp is required with state=absent");
        }
        if (!existing.exists()) {
            return null;
        }
        return LineEdit.absent(TextLines.split(existing.text()), line, regexp, search);
    }
}
