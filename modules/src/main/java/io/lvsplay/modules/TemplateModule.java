package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.FileContentPlanner.DesiredFile;
import io.lvsplay.modules.FileContentPlanner.ExistingFile;
import io.lvsplay.modules.support.Results;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Renders a Jinja2 template from the controller and installs the result like copy does. */
public final class TemplateModule implements Module {
    private static final ArgSpec SPEC = UnsupportedArgs.fileCommon(ArgSpec.of())
            .required("src", Type.PATH)
            .required("dest", Type.PATH)
            .arg("force", Type.BOOL, true)
            .arg("backup", Type.BOOL, false)
            .arg("validate", Type.STR)
            .arg("mode", Type.RAW)
            .arg("owner", Type.STR)
            .arg("group", Type.STR)
            .notSupported("newline_sequence", "block_start_string", "block_end_string", "variable_start_string",
                    "variable_end_string", "comment_start_string", "comment_end_string", "trim_blocks",
                    "lstrip_blocks", "output_encoding", "follow");

    @Override
    public String name() {
        return "template";
    }


    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        Path template = ctx.findFile(args.str("src"), "templates");
        byte[] content = ctx.renderTemplate(template).getBytes(StandardCharsets.UTF_8);
        String dest = args.str("dest");
        ExistingFile existing = FileContentPlanner.read(ctx.host(), dest);
        if (existing.stat().isDirectory() || dest.endsWith("/")) {
            dest = (dest.endsWith("/") ? dest : dest + "/") + template.getFileName();
            existing = FileContentPlanner.read(ctx.host(), dest);
            if (existing.stat().isDirectory()) {
                throw new ModuleFailure("destination " + dest + " is a directory");
            }
        }
        Plan result = Plan.unchanged().withResult(Results.of("dest", dest, "src", template.toString(),
                "checksum", FileContentPlanner.sha1(content), "size", (long) content.length));
        if (existing.exists() && !args.bool("force", true)) {
            return result.withResult(Results.of("msg", "file already exists"));
        }
        List<Change> changes = FileContentPlanner.plan(existing, new DesiredFile(dest, content,
                FileAttributes.from(args), args.bool("backup", false), args.str("validate")));
        return Plan.changes(changes, result.result());
    }
}
