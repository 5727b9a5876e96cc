package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.FileContentPlanner.DesiredFile;
import io.lvsplay.modules.FileContentPlanner.ExistingFile;
import io.lvsplay.modules.support.Digests;
import io.lvsplay.modules.support.Results;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ansible's assemble: the regular files of a directory (on the host, or with remote_src=false in
 * the controller's files/), sorted by name, joined into dest as assemble_from_fragments does: a
 * newline after a fragment that lacks one, the delimiter only between fragments. The write is the
 * common content path (diff, backup, validate, attributes).
 */
public final class AssembleModule implements Module {
    private static final ArgSpec SPEC = UnsupportedArgs.fileCommon(ArgSpec.of())
            .required("src", Type.PATH)
            .required("dest", Type.PATH)
            .arg("delimiter", Type.STR)
            .arg("regexp", Type.STR)
            .arg("ignore_hidden", Type.BOOL, false)
            .arg("remote_src", Type.BOOL, true)
            .arg("backup", Type.BOOL, false)
            .arg("validate", Type.STR)
            .arg("mode", Type.RAW)
            .arg("owner", Type.STR)
            .arg("group", Type.STR)
            .notSupportedBecause("decrypt", "vault-encrypted fragments are not supported");

    @Override
    public String name() {
        return "assemble";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String src = args.str("src");
        String dest = args.str("dest");
        TreeMap<String, byte[]> fragments = args.bool("remote_src", true) ? remote(ctx.host(), src)
                : local(ctx.findFile(src, "files"));
        String regexp = args.str("regexp");
        Pattern re = regexp == null ? null : PythonRegex.compile(regexp, "regexp");
        byte[] content = join(fragments, re, args.bool("ignore_hidden", false), args.str("delimiter"));
        ctx.fileContent(content);
        ExistingFile existing = FileContentPlanner.read(ctx.host(), dest);
        List<Change> changes = new ArrayList<>(FileContentPlanner.plan(existing,
                new DesiredFile(dest, content, FileAttributes.from(args), args.bool("backup", false), args.str("validate"))));
        return Plan.changes(changes, Results.of("dest", dest, "src", src,
                "checksum", Digests.sha1(content)));
    }

    static byte[] join(TreeMap<String, byte[]> fragments, Pattern re, boolean ignoreHidden, String delimiter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean addNewline = false;
        boolean delimit = false;
        byte[] delim = delimiter == null || delimiter.isEmpty() ? null : unescape(delimiter).getBytes(StandardCharsets.UTF_8);
        for (var e : fragments.entrySet()) {
            if ((re != null && !re.matcher(e.getKey()).find()) || (ignoreHidden && e.getKey().startsWith("."))) {
                continue;
            }
            if (addNewline) {
                out.write('\n');
            }
            if (delimit && delim != null) {
                out.writeBytes(delim);
                if (delim[delim.length - 1] != '\n') {
                    out.write('\n');
                }
            }
            byte[] fragment = e.getValue();
            out.writeBytes(fragment);
            delimit = true;
            addNewline = fragment.length == 0 || fragment[fragment.length - 1] != '\n';
        }
        return out.toByteArray();
    }

    /* Python's codecs.escape_decode for the common escapes (\n, \t, \\). */
    private static String unescape(String s) {
        return s.replace("\\\\", "\u0000").replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")
                .replace("\u0000", "\\");
    }

    /* The names of the directory's regular files, one host call; their bytes one read each. */
    private static TreeMap<String, byte[]> remote(RemoteHost host, String dir) {
        var r = host.run("cd -- " + ShellQuote.quote(dir) + " || exit 3; for f in * .*; do [ -f \"$f\" ] && printf '%s\\0' \"$f\"; done; true");
        if (r.exitCode() == 3 || !host.stat(dir).isDirectory()) {
            throw new ModuleFailure("Source (" + dir + ") is not a directory");
        }
        TreeMap<String, byte[]> out = new TreeMap<>();
        for (String name : r.stdout().split("\0")) {
            if (!name.isEmpty()) {
                out.put(name, host.readFile(dir + "/" + name).orElse(new byte[0]));
            }
        }
        return out;
    }

    private static TreeMap<String, byte[]> local(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModuleFailure("Source (" + dir + ") is not a directory");
        }
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new ModuleFailure("cannot read " + dir + ": " + e.getMessage());
        }
        return out;
    }
}
