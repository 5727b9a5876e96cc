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
import io.lvsplay.engine.template.TemplateOptions;
import io.lvsplay.modules.support.Digests;
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
            .arg("newline_sequence", Type.STR, "\n")
            .arg("block_start_string", Type.STR, "{%")
            .arg("block_end_string", Type.STR, "%}")
            .arg("variable_start_string", Type.STR, "{{")
            .arg("variable_end_string", Type.STR, "}}")
            .arg("comment_start_string", Type.STR, "{#")
            .arg("comment_end_string", Type.STR, "#}")
            .arg("trim_blocks", Type.BOOL, true)
            .arg("lstrip_blocks", Type.BOOL, false)
            .arg("output_encoding", Type.STR, "utf-8")
            .arg("follow", Type.BOOL, false);

    @Override
    public String name() {
        return "template";
    }


    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public List<Probe> probes(ModuleArgs args) {
        return List.of(Probe.snapshot(args.str("dest")));
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        Path template = ctx.findFile(args.str("src"), "templates");
        String dest = args.str("dest");
        byte[] content = encode(ctx.renderTemplate(template, args.str("src"), dest, TemplateOptions.of(args.all())),
                args.str("output_encoding"));
        ctx.fileContent(content);
        ExistingFile existing = FileContentPlanner.read(ctx.host(), dest);
        if (existing.stat().isDirectory() || dest.endsWith("/")) {
            dest = (dest.endsWith("/") ? dest : dest + "/") + template.getFileName();
            existing = FileContentPlanner.read(ctx.host(), dest);
            if (existing.stat().isDirectory()) {
                throw new ModuleFailure("destination " + dest + " is a directory");
            }
        }
        existing = FileContentPlanner.throughLinks(ctx.host(), existing, args.bool("follow", false));
        dest = existing.stat().path();
        Plan result = Plan.unchanged().withResult(Results.of("dest", dest, "src", template.toString(),
                "checksum", Digests.sha1(content), "size", (long) content.length));
        if (existing.exists() && !args.bool("force", true)) {
            return result.withResult(Results.of("msg", "file already exists"));
        }
        List<Change> changes = FileContentPlanner.plan(existing, new DesiredFile(dest, content,
                FileAttributes.from(args), args.bool("backup", false), args.str("validate")));
        return Plan.changes(changes, result.result());
    }

    /** Python's codecs: an empty name is utf-8; "utf-16"/"utf-32" write a byte order mark, little-endian here. */
    static byte[] encode(String text, String encoding) {
        String name = encoding == null || encoding.isBlank() ? "utf-8" : encoding.strip().toLowerCase();
        java.nio.charset.Charset charset;
        byte[] bom = new byte[0];
        switch (name.replace("_", "-")) {
            case "utf-16", "utf16" -> {
                charset = java.nio.charset.Charset.forName("UTF-16LE");
                bom = new byte[] {(byte) 0xFF, (byte) 0xFE};
            }
            case "utf-32", "utf32" -> {
                charset = java.nio.charset.Charset.forName("UTF-32LE");
                bom = new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0};
            }
            default -> {
                try {
                    charset = java.nio.charset.Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    throw new ModuleFailure("unknown output_encoding: " + encoding);
                }
            }
        }
        byte[] body = text.getBytes(charset);
        byte[] out = java.util.Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }
}
