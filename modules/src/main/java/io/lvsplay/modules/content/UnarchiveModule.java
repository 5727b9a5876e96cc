package io.lvsplay.modules.content;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.ContentFiles;
import io.lvsplay.modules.support.Results;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ansible's unarchive for the tar family (GNU tar: gzip, bzip2, xz, zstd or plain). A controller
 * archive (files/) is streamed to tar on stdin, so planning needs no temp file on the host; with
 * remote_src tar reads the host's file. Whether it is already unpacked is Ansible's own test: the
 * output of {@code tar --diff} (missing files, size, contents, mod time; mode, uid, gid unless the
 * task sets them), then mode/owner/group of every listed path. Zip archives are refused for now.
 */
public final class UnarchiveModule implements Module {
    private static final ArgSpec SPEC = ContentFiles.withFileArgs(ArgSpec.of())
            .required("src", Type.PATH)
            .required("dest", Type.PATH)
            .arg("remote_src", Type.BOOL, false)
            .arg("creates", Type.PATH)
            .arg("list_files", Type.BOOL, false)
            .arg("keep_newer", Type.BOOL, false)
            .arg("exclude", Type.LIST, List.of()).elements(Type.STR)
            .arg("include", Type.LIST, List.of()).elements(Type.STR)
            .arg("extra_opts", Type.LIST, List.of()).elements(Type.STR)
            .mutuallyExclusive("include", "exclude")
            .notSupported("validate_certs", "io_buffer_size", "copy")
            .notSupportedBecause("decrypt", "vault-encrypted archives are not supported");

    @Override
    public String name() {
        return "unarchive";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        RemoteHost host = ctx.host();
        String creates = args.str("creates");
        if (creates != null && host.stat(creates).exists()) {
            return Plan.unchanged(Results.of("skipped", true, "msg", "skipped, since " + creates + " exists"));
        }
        String src = args.str("src");
        String dest = args.str("dest");
        TarArchive archive = args.bool("remote_src", false) ? remote(host, src) : controller(ctx, src);
        if (!host.stat(dest).isDirectory()) {
            throw new ModuleFailure("Destination '" + dest + "' is not a directory");
        }
        TarCommand tar = new TarCommand(archive, dest, args);
        String probe = HostQuery.run(host, "id -u; tar --version 2>/dev/null | head -n 1", "find tar");
        String[] lines = probe.split("\n", 2);
        String version = lines.length > 1 ? lines[1] : "";
        if (!(version.startsWith("tar") && version.contains("GNU"))) {
            throw new ModuleFailure(version.isBlank() ? "Unable to find required 'gtar' or 'tar' binary in the path"
                    : "Command \"tar\" detected as tar type " + (version.startsWith("bsdtar") ? "bsd" : "None") + ". GNU tar required.");
        }
        boolean root = lines[0].strip().equals("0");
        List<String> files = list(host, tar);
        ExecResult diff = tar.run(host, "--diff");
        String differences = TarDiff.differences(diff.stdout() + diff.stderr(), root, args);
        Map<String, Object> result = Results.of("dest", dest, "src", src, "handler", archive.handler());
        if (args.bool("list_files", false)) {
            result.put("files", files);
        }
        List<String> paths = AttributePaths.of(dest, files);
        List<Change> changes = new ArrayList<>();
        if (!differences.isEmpty()) {
            changes.add(Change.named("unpack " + src + " to " + dest, Diff.of(dest + " (archive members)", "", differences))
                    .then(tar.command("--extract"), (r, h) -> {
                        Map<String, Object> extract = Results.of("cmd", tar.shown("--extract"), "rc", r.exitCode(),
                                "out", r.stdout(), "err", r.stderr());
                        if (!r.ok()) {
                            throw new ModuleFailure("failed to unpack " + src + " to " + dest,
                                    Results.of("dest", dest, "src", src, "handler", archive.handler(), "extract_results", extract));
                        }
                        return Map.of("extract_results", extract);
                    }));
            AttributePaths.always(args, paths).ifPresent(changes::add);
        } else {
            AttributePaths.ifDifferent(host, args, paths).ifPresent(changes::add);
        }
        return Plan.changes(changes, result);
    }

    private static List<String> list(RemoteHost host, TarCommand tar) {
        ExecResult r = tar.run(host, "--list");
        if (!r.ok()) {
            throw new ModuleFailure("Failed to find handler for \"" + tar.archive().name() + "\". Make sure the required command"
                    + " to extract the file is installed.\nCommand \"tar\" could not handle archive: Unable to list files in the archive: "
                    + r.stderr().strip());
        }
        List<String> files = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            String name = line.startsWith("/") ? line.substring(1) : line;
            if (!name.isEmpty() && !tar.excluded(name)) {
                files.add(name);
            }
        }
        if (files.isEmpty()) {
            throw new ModuleFailure("Failed to find handler for \"" + tar.archive().name() + "\". Make sure the required command"
                    + " to extract the file is installed.\nCommand \"tar\" found no files in archive. Empty archive files are not supported.");
        }
        return files;
    }

    private static TarArchive controller(ModuleContext ctx, String src) {
        Path local = ctx.findFile(src, "files");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(local);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + local, e);
        }
        if (bytes.length == 0) {
            throw new ModuleFailure("Invalid archive '" + src + "', the file is 0 bytes");
        }
        return TarArchive.fromBytes(src, bytes);
    }

    private static TarArchive remote(RemoteHost host, String src) {
        if (src.contains("://")) {
            throw new ModuleFailure("lvsplay does not support a URL as unarchive's src yet (get_url it first)");
        }
        FileStat stat = host.stat(src);
        if (!stat.exists()) {
            throw new ModuleFailure("Source '" + src + "' does not exist");
        }
        if (stat.size() == 0) {
            throw new ModuleFailure("Invalid archive '" + src + "', the file is 0 bytes");
        }
        String head = HostQuery.run(host, "head -c 512 -- " + ShellQuote.quote(src) + " | od -An -v -tx1", "read " + src);
        return TarArchive.fromHead(src, TarArchive.hex(head));
    }

    /** One read-only query for planning. */
    static final class HostQuery {
        private HostQuery() {
        }

        static String run(RemoteHost host, String command, String what) {
            return io.lvsplay.modules.support.HostCommand.query(host, command, what);
        }
    }

    /** The tar command lines Ansible's TgzArchive builds, run in dest with a parsable locale. */
    record TarCommand(TarArchive archive, String dest, ModuleArgs args) {
        List<String> words(String action) {
            List<String> w = new ArrayList<>(List.of("tar", action, "-C", dest));
            if (!archive.flag().isEmpty()) {
                w.add(archive.flag());
            }
            List<String> opts = strings("extra_opts");
            if (!opts.isEmpty()) {
                w.add("--show-transformed-names");
                w.addAll(opts);
            }
            if (!action.equals("--list")) {
                if (args.str("owner") != null) {
                    w.add("--owner=" + args.str("owner"));
                }
                if (args.str("group") != null) {
                    w.add("--group=" + args.str("group"));
                }
                if (args.bool("keep_newer", false)) {
                    w.add("--keep-newer-files");
                }
            }
            for (String e : excludes()) {
                w.add("--exclude=" + e);
            }
            w.add("-f");
            w.add(archive.remotePath() == null ? "-" : archive.remotePath());
            w.addAll(strings("include"));
            return w;
        }

        String shown(String action) {
            return String.join(" ", words(action));
        }

        RemoteCommand command(String action) {
            String script = "cd " + ShellQuote.quote(dest) + " && LANG=C LC_ALL=C LC_MESSAGES=C LANGUAGE=C "
                    + ShellQuote.join(words(action));
            return RemoteCommand.of(script, archive.bytes());
        }

        ExecResult run(RemoteHost host, String action) {
            RemoteCommand c = command(action);
            return c.stdin().length == 0 ? host.run(c.script()) : host.run(c.script(), c.stdin());
        }

        List<String> excludes() {
            return strings("exclude").stream().map(e -> e.replaceAll("/+$", "")).toList();
        }

        boolean excluded(String name) {
            return excludes().stream().anyMatch(e -> Glob.matches(e, name));
        }

        private List<String> strings(String name) {
            Object v = args.raw(name);
            return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        }
    }

    /** Python's fnmatch: * and ? match any character (slashes too), [...] a set. */
    static final class Glob {
        private Glob() {
        }

        static boolean matches(String pattern, String name) {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                switch (c) {
                    case '*' -> re.append(".*");
                    case '?' -> re.append('.');
                    case '[' -> {
                        int end = pattern.indexOf(']', i + 2);
                        if (end < 0) {
                            re.append("\\[");
                        } else {
                            String set = pattern.substring(i + 1, end);
                            re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                            i = end;
                        }
                    }
                    default -> re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
                }
            }
            return name.matches("(?s)" + re);
        }
    }
}
