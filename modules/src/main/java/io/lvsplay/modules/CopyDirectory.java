package io.lvsplay.modules;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellRemoteHost;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.CopySourceTree.Entry;
import io.lvsplay.modules.FileContentPlanner.DesiredFile;
import io.lvsplay.modules.FileContentPlanner.ExistingFile;
import io.lvsplay.modules.support.Digests;
import io.lvsplay.modules.support.Results;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * copy with a controller directory as src, as Ansible's copy action does it: every file of the
 * tree is a copy into {@code dest/REL} (content, mode, owner, group, backup, validate, force),
 * every directory below the top one a file state=directory with {@code directory_mode}, owner and
 * group, and a missing parent of a copied file is made with those too (the copy module's makedirs).
 * The whole destination is read in one command (stat and sha1 of every path); only files whose
 * content differs are read for the diff.
 */
final class CopyDirectory {
    private CopyDirectory() {
    }

    static Plan plan(ModuleArgs args, ModuleContext ctx, Path local, String src) {
        RemoteHost host = ctx.host();
        boolean contentsOnly = src.endsWith("/");
        CopySourceTree tree = CopySourceTree.walk(local, contentsOnly);
        String dest = args.str("dest").endsWith("/") ? args.str("dest") : args.str("dest") + "/";
        FileAttributes fileAttrs = FileAttributes.from(args);
        FileAttributes dirAttrs = new FileAttributes(args.raw("directory_mode"), args.str("owner"), args.str("group"));
        Set<String> explicitDirs = new HashSet<>();
        tree.directories().forEach(rel -> explicitDirs.add(dest + rel));
        TreeSet<String> dirs = new TreeSet<>(CopyDirectory::parentFirst);
        dirs.addAll(explicitDirs);
        tree.files().forEach(f -> addParents(dirs, dest + f.rel()));
        tree.links().forEach(l -> addParents(dirs, dest + l.rel()));
        List<String> paths = new ArrayList<>(dirs);
        tree.files().forEach(f -> paths.add(dest + f.rel()));
        tree.links().forEach(l -> paths.add(dest + l.rel()));
        Map<String, Probed> found = probe(host, paths);

        List<Change> changes = new ArrayList<>();
        for (String dir : dirs) {
            FileStat stat = found.get(dir).stat();
            if (!stat.exists() || explicitDirs.contains(dir)) {
                changes.addAll(FileModule.plainDirectory(stat, dirAttrs));
            } else if (!stat.isDirectory()) {
                throw new ModuleFailure(dir + " already exists as a " + stat.type());
            }
        }
        Map<String, Object> single = null;
        boolean force = args.bool("force", true);
        for (Entry file : tree.files()) {
            String path = dest + file.rel();
            byte[] content = read(file.source());
            ctx.fileContent(content);
            Probed now = found.get(path);
            if (now.stat().isDirectory()) {
                throw new ModuleFailure("destination " + path + " is a directory");
            }
            List<Change> fileChanges = now.stat().exists() && !force ? List.of()
                    : planFile(host, now, new DesiredFile(path, content, fileAttrs, args.bool("backup", false),
                            args.str("validate")));
            changes.addAll(fileChanges);
            if (tree.files().size() == 1) {
                single = Results.of("dest", path, "src", src, "checksum", Digests.sha1(content),
                        "md5sum", Digests.md5(content), "size", (long) content.length);
                if (!fileChanges.isEmpty()) {
                    // the file's attributes as they are once written, like Ansible's result
                    Change last = changes.remove(changes.size() - 1);
                    changes.add(last.then(RemoteCommand.of(StatFacts.script(path, false)),
                            (r, hostName) -> CopyModule.fileFields(StatFacts.read(r, path, hostName))));
                } else {
                    single.putAll(CopyModule.fileFields(host, path));
                }
            }
        }
        FileAttributes linkAttrs = new FileAttributes(null, args.str("owner"), args.str("group"));
        for (Entry link : tree.links()) {
            changes.addAll(FileModule.forcedLink(found.get(dest + link.rel()).stat(), linkAttrs, link.source()));
        }
        Map<String, Object> result = single != null ? single
                : Results.of("dest", dest, "src", local + (contentsOnly ? "/" : ""));
        return Plan.changes(changes, result);
    }

    /* A file whose sha1 matches keeps its bytes (only attributes may change); others are read for the diff. */
    private static List<Change> planFile(RemoteHost host, Probed now, DesiredFile desired) {
        if (now.stat().isFile() && Digests.sha1(desired.content()).equals(now.sha1())) {
            return desired.attributes().change(now.stat()).stream().toList();
        }
        ExistingFile existing = now.stat().isFile() ? FileContentPlanner.read(host, desired.path())
                : new ExistingFile(now.stat(), null);
        return FileContentPlanner.plan(existing, desired);
    }

    private record Probed(FileStat stat, String sha1) {}

    /*
     * One command for the whole tree: per path (on stdin, one a line) either "absent", or
     * "sha1|type|mode|owner|group|size" (sha1 empty unless a regular file) and the link target line.
     */
    private static final String PROBE = "LC_ALL=C; export LC_ALL; while IFS= read -r p; do "
            + "if s=$(stat -c '%F|%a|%U|%G|%s' -- \"$p\" 2>/dev/null); then h=; "
            + "if [ -f \"$p\" ] && [ ! -L \"$p\" ]; then h=$(sha1sum < \"$p\") || exit 1; h=${h%% *}; fi; "
            + "t=; if [ -L \"$p\" ]; then t=$(readlink -- \"$p\"); fi; printf '%s|%s\\n%s\\n' \"$h\" \"$s\" \"$t\"; "
            + "else printf 'absent\\n\\n'; fi; done";

    static Map<String, Probed> probe(RemoteHost host, List<String> paths) {
        String input = String.join("\n", paths) + "\n";
        ExecResult r = host.run(PROBE, input.getBytes(StandardCharsets.UTF_8));
        String[] lines = r.stdout().split("\n", -1);
        if (!r.ok() || lines.length < 2 * paths.size()) {
            throw new ModuleFailure("cannot read the destination tree on " + host.hostName() + ": " + r.stderr().strip());
        }
        Map<String, Probed> found = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            String line = lines[2 * i];
            if (line.equals("absent")) {
                found.put(path, new Probed(FileStat.absent(path), null));
                continue;
            }
            int bar = line.indexOf('|');
            String target = lines[2 * i + 1];
            FileStat stat = ShellRemoteHost.parseStat(path, line.substring(bar + 1) + (target.isEmpty() ? "" : "\n" + target));
            found.put(path, new Probed(stat, line.substring(0, bar)));
        }
        return found;
    }

    private static void addParents(Set<String> dirs, String path) {
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            dirs.add(path.substring(0, slash));
        }
    }

    /* Parents before children: by depth, then by name. */
    private static int parentFirst(String a, String b) {
        int depth = Long.compare(a.chars().filter(c -> c == '/').count(), b.chars().filter(c -> c == '/').count());
        return depth != 0 ? depth : a.compareTo(b);
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new ModuleFailure("cannot read " + file + " on the controller: " + e.getMessage());
        }
    }
}
