package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.modules.support.Results;
import java.util.Base64;

/** Reads a file of the host into the result, base64-encoded like Ansible's slurp. Never changes anything. */
public final class SlurpModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of().required("src", Type.PATH).aliases("path");

    @Override
    public String name() {
        return "slurp";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String src = args.str("src");
        FileStat stat = ctx.host().stat(src);
        if (stat.isDirectory()) {
            throw new ModuleFailure("source is a directory and must be a file: " + src);
        }
        byte[] content = ctx.host().readFile(src).orElseThrow(() -> new ModuleFailure("file not found: " + src));
        return Plan.unchanged(Results.of("content", Base64.getEncoder().encodeToString(content),
                "source", src, "encoding", "base64"));
    }
}
