package io.lvsplay.modules.content;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.module.ResultReader;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.ContentFiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * unarchive's mode/owner/group: set on every member and on each top folder, as Ansible does after
 * unpacking (and also when nothing was unpacked, which is then the only change). Symlinks keep
 * their mode (Linux has no lchmod); owner and group are set on the link itself.
 */
final class AttributePaths {
    private AttributePaths() {
    }

    static List<String> of(String dest, List<String> members) {
        Set<String> paths = new LinkedHashSet<>();
        Set<String> tops = new LinkedHashSet<>();
        String base = dest.endsWith("/") ? dest : dest + "/";
        for (String m : members) {
            paths.add(base + m);
            if (m.contains("/")) {
                tops.add(base + m.substring(0, m.indexOf('/')));
            }
        }
        paths.addAll(tops);
        return new ArrayList<>(paths);
    }

    private static boolean wanted(ModuleArgs args) {
        return args.raw("mode") != null || args.str("owner") != null || args.str("group") != null;
    }

    /** After an unpack the members' attributes are the archive's: set them all. */
    static Optional<Change> always(ModuleArgs args, List<String> paths) {
        return wanted(args) ? Optional.of(change(args, paths, "")) : Optional.empty();
    }

    /** Without an unpack: only if some member differs from the task's mode/owner/group. */
    static Optional<Change> ifDifferent(RemoteHost host, ModuleArgs args, List<String> paths) {
        if (!wanted(args)) {
            return Optional.empty();
        }
        StringBuilder script = new StringBuilder("for p in");
        for (String p : paths) {
            script.append(' ').append(ShellQuote.quote(p));
        }
        script.append("; do LC_ALL=C stat -c '%F|%a|%U|%G' -- \"$p\" 2>/dev/null || echo 'absent|||'; done");
        String[] lines = host.run(script.toString()).stdout().split("\n");
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < paths.size() && i < lines.length; i++) {
            String[] f = lines[i].split("\\|", -1);
            String type = switch (f[0]) {
                case "directory" -> "directory";
                case "symbolic link" -> "link";
                case "absent" -> "absent";
                default -> "file";
            };
            if (type.equals("absent")) {
                continue;
            }
            String mode = "0".repeat(Math.max(0, 4 - f[1].length())) + f[1];
            FileStat stat = new FileStat(paths.get(i), type, mode, f[2], f[3], 0, null);
            if (ContentFiles.attributes(args, stat).isPresent()) {
                before.append(paths.get(i)).append(": mode ").append(mode).append(", owner ").append(f[2])
                        .append(", group ").append(f[3]).append('\n');
            }
        }
        return before.length() == 0 ? Optional.empty() : Optional.of(change(args, paths, before.toString()));
    }

    private static Change change(ModuleArgs args, List<String> paths, String before) {
        String quoted = String.join(" ", paths.stream().map(ShellQuote::quote).toList());
        StringBuilder cmd = new StringBuilder("set -e");
        StringBuilder after = new StringBuilder();
        Object mode = args.raw("mode");
        if (mode != null) {
            String m = mode instanceof Number n ? Integer.toOctalString(n.intValue()) : String.valueOf(mode);
            cmd.append("; find ").append(quoted).append(" -maxdepth 0 ! -type l -exec chmod ").append(ShellQuote.quote(m)).append(" {} +");
            after.append("mode: ").append(m).append('\n');
        }
        if (args.str("owner") != null) {
            cmd.append("; chown -h ").append(ShellQuote.quote(args.str("owner"))).append(" -- ").append(quoted);
            after.append("owner: ").append(args.str("owner")).append('\n');
        }
        if (args.str("group") != null) {
            cmd.append("; chgrp -h ").append(ShellQuote.quote(args.str("group"))).append(" -- ").append(quoted);
            after.append("group: ").append(args.str("group")).append('\n');
        }
        return Change.named("set attributes of " + paths.size() + " unpacked paths",
                        Diff.of("unpacked paths (file attributes)", before, after.toString()))
                .then(RemoteCommand.of(cmd.toString()), ResultReader.failUnlessOk("cannot set attributes of the unpacked files"));
    }
}
