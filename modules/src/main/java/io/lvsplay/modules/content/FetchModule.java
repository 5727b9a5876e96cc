package io.lvsplay.modules.content;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.ControllerFileWrite;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.support.Digests;
import io.lvsplay.modules.support.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ansible's fetch: a host's file copied to the controller, to DEST/HOSTNAME/SRC or, with flat, to
 * DEST itself (DEST/ takes the file's name). A relative DEST is the playbook directory's. The
 * copy happens only when the sha1 checksums differ; with validate_checksum the host's own sha1sum
 * must equal what was written. Like Ansible's action, skipped in check mode.
 */
public final class FetchModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("src", Type.STR)
            .required("dest", Type.STR)
            .arg("flat", Type.BOOL, false)
            .arg("fail_on_missing", Type.BOOL, true)
            .arg("validate_checksum", Type.BOOL, true);

    @Override
    public String name() {
        return "fetch";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Set<Trait> traits() {
        return EnumSet.noneOf(Trait.class);
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        RemoteHost host = ctx.host();
        String src = args.str("src");
        boolean failOnMissing = args.bool("fail_on_missing", true);
        FileStat stat = host.stat(src);
        if (stat.isLink()) {
            stat = host.stat(host.run("readlink -f -- " + ShellQuote.quote(src)).stdout().strip());
        }
        if (stat.isDirectory()) {
            return missing(failOnMissing, src, "remote file is a directory, fetch cannot work on directories");
        }
        Optional<byte[]> content = stat.exists() ? host.readFile(src) : Optional.empty();
        if (content.isEmpty()) {
            return missing(failOnMissing, src, "the remote file does not exist, not transferring, ignored");
        }
        byte[] data = content.get();
        ctx.fileContent(data);
        String remoteChecksum = Digests.sha1(data);
        Path dest = destination(args, ctx, src);
        byte[] local = Files.isRegularFile(dest) ? read(dest) : null;
        if (local != null && remoteChecksum.equals(Digests.sha1(local))) {
            return Plan.unchanged(Results.of("md5sum", Digests.md5(local), "file", src, "dest", dest.toString(),
                    "checksum", remoteChecksum));
        }
        Change copy = Change.named("fetch " + src + " to " + dest).then(new ControllerFileWrite(dest, data), (r, h) -> {
            byte[] back = read(dest);
            return Results.of("md5sum", Digests.md5(back), "dest", dest.toString(), "checksum", Digests.sha1(back),
                    "remote_checksum", remoteChecksum);
        });
        if (args.bool("validate_checksum", true)) {
            // the host's own sha1sum, read after the copy, must agree with what the controller now holds
            copy = copy.then(RemoteCommand.of("sha1sum -- " + ShellQuote.quote(src)), (r, h) -> {
                String written = Digests.sha1(read(dest));
                String onHost = r.stdout().split("\\s", 2)[0];
                if (!written.equals(remoteChecksum) || !(onHost.isEmpty() || onHost.equals(written))) {
                    throw new ModuleFailure("checksum mismatch", Results.of("md5sum", Digests.md5(read(dest)),
                            "dest", dest.toString(), "checksum", written, "remote_checksum", remoteChecksum, "file", src));
                }
                return Map.of();
            });
        }
        return Plan.change(copy);
    }

    private static Plan missing(boolean failOnMissing, String src, String msg) {
        if (failOnMissing) {
            throw new ModuleFailure(msg, Results.of("file", src));
        }
        return Plan.unchanged(Results.of("file", src, "msg", msg.endsWith("ignored") ? msg : msg + ", not transferring, ignored"));
    }

    /* Ansible's layout: flat DEST (DEST/ + basename), else DEST/inventory_hostname/SRC, normalised. */
    private static Path destination(ModuleArgs args, ModuleContext ctx, String src) {
        String dest = args.str("dest");
        if (dest.startsWith("~/")) {
            dest = System.getProperty("user.home") + dest.substring(1);
        }
        Path base = ctx.playbookDir();
        if (args.bool("flat", false)) {
            if (Files.isDirectory(base.resolve(dest)) && !dest.endsWith("/")) {
                throw new ModuleFailure("dest is an existing directory, use a trailing slash if you want to fetch src into that directory");
            }
            if (dest.endsWith("/")) {
                dest = dest + src.substring(src.lastIndexOf('/') + 1);
            }
            return base.resolve(dest).normalize();
        }
        return Path.of(base.resolve(dest) + "/" + ctx.hostName() + "/" + src).normalize();
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ModuleFailure("cannot read " + path + ": " + e.getMessage());
        }
    }
}
