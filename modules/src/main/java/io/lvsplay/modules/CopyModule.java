package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.modules.FileContentPlanner.DesiredFile;
import io.lvsplay.modules.FileContentPlanner.ExistingFile;
import io.lvsplay.modules.support.Digests;
import io.lvsplay.modules.support.Results;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts a file on the host from {@code content} or a controller file {@code src} (or, with
 * remote_src, a file already on the host). A controller directory is {@link CopyDirectory}'s.
 */
public final class CopyModule implements Module {
    private static final ArgSpec SPEC = UnsupportedArgs.fileCommon(ArgSpec.of())
            .required("dest", Type.PATH)
            .arg("src", Type.PATH)
            .arg("content", Type.RAW)
            .arg("remote_src", Type.BOOL, false)
            .arg("force", Type.BOOL, true)
            .arg("backup", Type.BOOL, false)
            .arg("validate", Type.STR)
            .arg("mode", Type.RAW)
            .arg("owner", Type.STR)
            .arg("group", Type.STR)
            .arg("follow", Type.BOOL, false)
            .mutuallyExclusive("src", "content")
            .requiredOneOf("src", "content")
            .arg("directory_mode", Type.RAW)
            .notSupported("local_follow", "checksum", "decrypt");

    @Override
    public String name() {
        return "copy";
    }


    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        RemoteHost host = ctx.host();
        String src = args.str("src");
        if (src != null && !args.bool("remote_src", false) && Files.isDirectory(ctx.findFile(src, "files"))) {
            return CopyDirectory.plan(args, ctx, ctx.findFile(src, "files"), src);
        }
        byte[] content = src == null ? contentArg(args) : source(args, ctx, src);
        ctx.fileContent(content);
        String dest = args.str("dest");
        boolean intoDirectory = dest.endsWith("/");
        FileStat destStat = intoDirectory ? null : host.stat(dest);
        if (intoDirectory || destStat.isDirectory()) {
            if (src == null) {
                throw new ModuleFailure("can not use content with a dir as dest (" + dest + ")");
            }
            dest = (dest.endsWith("/") ? dest : dest + "/") + Path.of(src).getFileName();
        }
        ExistingFile existing = FileContentPlanner.throughLinks(host, FileContentPlanner.read(host, dest),
                args.bool("follow", false));
        dest = existing.stat().path();
        String checksum = Digests.sha1(content);
        Plan result = Plan.unchanged().withResult(Results.of("dest", dest, "src", src, "checksum", checksum,
                "size", (long) content.length));
        if (existing.stat().isDirectory()) {
            throw new ModuleFailure("destination " + dest + " is a directory");
        }
        if (existing.exists() && !args.bool("force", true)) {
            return result.withResult(Results.of("msg", "file already exists"));
        }
        List<Change> changes = new ArrayList<>(FileContentPlanner.plan(existing, new DesiredFile(dest, content,
                FileAttributes.from(args), args.bool("backup", false), args.str("validate"))));
        result = result.withResult(Results.of("md5sum", Digests.md5(content)));
        if (changes.isEmpty()) {
            return result.withResult(fileFields(host, dest));
        }
        // the file's attributes as they are once written, like Ansible's result
        Change last = changes.remove(changes.size() - 1);
        String written = dest;
        changes.add(last.then(RemoteCommand.of(StatFacts.script(written, false)),
                (r, hostName) -> fileFields(StatFacts.read(r, written, hostName))));
        return Plan.changes(changes, result.result());
    }

    /* state, mode, owner, group, uid, gid of the destination, as Ansible's copy returns them. */
    static Map<String, Object> fileFields(RemoteHost host, String dest) {
        return fileFields(StatFacts.read(host, dest, false));
    }

    static Map<String, Object> fileFields(Map<String, Object> stat) {
        if (stat == null) {
            return Map.of();
        }
        return Results.of("state", "file", "mode", stat.get("mode"), "owner", stat.get("pw_name"),
                "group", stat.get("gr_name"), "uid", stat.get("uid"), "gid", stat.get("gid"));
    }

    private static byte[] contentArg(ModuleArgs args) {
        Object content = args.raw("content");
        return String.valueOf(content).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] source(ModuleArgs args, ModuleContext ctx, String src) {
        if (args.bool("remote_src", false)) {
            FileStat stat = ctx.host().stat(src);
            if (stat.isDirectory()) {
                throw new ModuleFailure("src " + src + " is a directory: copying directories is not supported");
            }
            return ctx.host().readFile(src).orElseThrow(() ->
                    new ModuleFailure("Source " + src + " not found on " + ctx.hostName()));
        }
        Path local = ctx.findFile(src, "files");
        if (Files.isDirectory(local)) {
            throw new ModuleFailure("src " + local + " is a directory: copying directories is not supported");
        }
        try {
            return Files.readAllBytes(local);
        } catch (IOException e) {
            throw new ModuleFailure("cannot read " + local + " on the controller: " + e.getMessage());
        }
    }
}
