package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.Probe;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Paths in a state: file, directory (optionally recursive attributes), absent, link, hard, touch. */
public final class FileModule implements Module {
    private static final ArgSpec SPEC = UnsupportedArgs.selinux(ArgSpec.of())
            .required("path", Type.PATH)
            .alias("dest", "path").alias("name", "path")
            .choice("state", null, "file", "directory", "absent", "link", "hard", "touch")
            .arg("src", Type.PATH)
            .arg("mode", Type.RAW)
            .arg("owner", Type.STR)
            .arg("group", Type.STR)
            .arg("recurse", Type.BOOL, false)
            .arg("force", Type.BOOL, false)
            .arg("follow", Type.BOOL, true)
            .arg("attributes", Type.STR).alias("attr", "attributes")
            .arg("modification_time", Type.STR)
            .arg("modification_time_format", Type.STR, "%Y%m%d%H%M.%S")
            .arg("access_time", Type.STR)
            .arg("access_time_format", Type.STR, "%Y%m%d%H%M.%S")
            // internal arguments of Ansible's own action plugins, which playbooks may pass too
            .arg("_original_basename", Type.STR)
            .arg("_diff_peek", Type.BOOL);

    @Override
    public String name() {
        return "file";
    }


    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public List<Probe> probes(ModuleArgs args) {
        return List.of(Probe.stat(args.str("path")));
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String path = args.str("path");
        RemoteHost host = ctx.host();
        FileStat stat = host.stat(path);
        String requested = args.str("state");
        String src = args.str("src");
        String basename = args.str("_original_basename") != null ? args.str("_original_basename")
                : src == null ? null : src.substring(src.replaceAll("/+$", "").lastIndexOf('/') + 1);
        if (basename != null && !basename.isEmpty() && stat.isDirectory() && !"link".equals(requested)
                && !"absent".equals(requested)) {
            // Ansible's additional_parameter_handling: a directory path means the basename inside it
            path = path.replaceAll("/+$", "") + "/" + basename;
            stat = host.stat(path);
        }
        if (args.has("_diff_peek")) {
            return Plan.unchanged(Results.of("path", path, "appears_binary", appearsBinary(host, path)));
        }
        String state = args.str("state", defaultState(stat, args.bool("recurse", false)));
        FileAttributes attrs = FileAttributes.from(args);
        boolean follow = args.bool("follow", true);
        if (follow && stat.isLink() && List.of("file", "directory", "touch").contains(state)) {
            // Ansible's follow: the attributes are the link target's, the link stays as it is
            stat = host.stat(realPath(host, path));
        }
        if (follow && src == null && "link".equals(state) && stat.isLink()) {
            src = stat.linkTarget();
        }
        final FileStat target = stat;
        final String linkSrc = src;
        FileTimes times = FileTimes.from(args, state);
        List<Change> changes = new ArrayList<>(switch (state) {
            case "absent" -> absent(target);
            case "directory" -> directory(host, target, attrs, args.bool("recurse", false), args.raw("mode"), times);
            case "touch" -> touch(target, attrs, times);
            case "link" -> link(host, target, attrs, linkSrc, args.bool("force", false));
            case "hard" -> HardLink.plan(host, target, attrs, linkSrc, args.bool("force", false));
            default -> file(target, attrs);
        });
        Map<String, Object> diff = state.equals("absent") && !target.exists() ? null : ResultDiff.initial(target, state);
        if (!state.equals("absent")) {
            attrs.describe(target, diff);
            boolean created = switch (state) {
                case "directory", "touch" -> !target.exists();
                case "link" -> !(target.isLink() && linkSrc != null && linkSrc.equals(target.linkTarget()));
                case "hard" -> changes.stream().anyMatch(c -> c.description().startsWith("hard link "));
                default -> false;
            };
            ChattrFlags.plan(host, target.path(), target.exists(), args.str("attributes"), diff)
                    .ifPresent(changes::add);
            setTimes(host, target.path(), created, times, changes, diff);
        }
        if (state.equals("hard")) {
            return Plan.changes(changes, Results.of("dest", path, "src", linkSrc, "state", state, "diff", diff));
        }
        return Plan.changes(changes, Results.of("path", path, "state", state,
                "src", "link".equals(state) ? linkSrc : null, "diff", diff));
    }

    /* The times of a path this task made are set after making it; an existing path's only when they differ. */
    private static void setTimes(RemoteHost host, String path, boolean created, FileTimes times, List<Change> changes,
                                 Map<String, Object> diff) {
        if (!created) {
            times.change(host, path, ResultDiff.side(diff, "before"), ResultDiff.side(diff, "after"))
                    .ifPresent(changes::add);
            return;
        }
        String command = times.afterCreation(path);
        if (!command.isEmpty()) {
            changes.add(runOrFail("set times of " + path, null, command.replaceFirst("^ && ", ""),
                    "set the times of " + path));
        }
    }

    /* Ansible: recurse implies directory; otherwise whatever the path already is, else file. */
    private static String defaultState(FileStat stat, boolean recurse) {
        if (recurse) {
            return "directory";
        }
        return switch (stat.type()) {
            case "directory" -> "directory";
            case "link" -> "link";
            default -> "file";
        };
    }

    private static List<Change> file(FileStat stat, FileAttributes attrs) {
        if (!stat.exists()) {
            throw new ModuleFailure("file (" + stat.path() + ") is absent, cannot continue");
        }
        if (stat.isDirectory()) {
            throw new ModuleFailure("file (" + stat.path() + ") is directory, cannot continue");
        }
        return attrs.change(stat).stream().toList();
    }

    private static List<Change> absent(FileStat stat) {
        if (!stat.exists()) {
            return List.of();
        }
        String cmd = "rm -rf -- " + ShellQuote.quote(stat.path());
        return List.of(runOrFail("remove " + stat.path(), stateDiff(stat, "absent"),
                cmd, "remove " + stat.path()));
    }

    /** state=directory without recurse, for a path already read (copy's directories). */
    static List<Change> plainDirectory(FileStat stat, FileAttributes attrs) {
        return directory(null, stat, attrs, false, attrs.mode(), null);
    }

    /** state=link with force, for a path already read (copy's links that cannot be followed). */
    static List<Change> forcedLink(FileStat stat, FileAttributes attrs, String src) {
        return link(null, stat, attrs, src, true);
    }

    private static List<Change> directory(RemoteHost host, FileStat stat, FileAttributes attrs, boolean recurse,
                                          Object mode, FileTimes times) {
        if (!stat.exists()) {
            String cmd = "mkdir -p -- " + ShellQuote.quote(stat.path())
                    + creationAttributes(stat.path(), FileMode.resolve(mode, null, true), attrs);
            return List.of(runOrFail("create directory " + stat.path(), stateDiff(stat, "directory"),
                    cmd, "create directory " + stat.path()));
        }
        if (!stat.isDirectory()) {
            throw new ModuleFailure(stat.path() + " already exists as a " + stat.type());
        }
        if (recurse) {
            List<Change> out = new ArrayList<>();
            RecursiveAttributes.plan(host, stat.path(), mode, attrs).ifPresent(out::add);
            times.recursive(host, stat.path()).ifPresent(out::add);
            return out;
        }
        return attrs.change(stat).stream().toList();
    }

    /*
     * touch makes a missing file; an existing one gets its attributes and its times (by default
     * now, so touch changes something unless both times are "preserve"), as in Ansible.
     */
    private static List<Change> touch(FileStat stat, FileAttributes attrs, FileTimes times) {
        if (stat.exists()) {
            return attrs.change(stat).stream().toList();
        }
        String mode = FileMode.resolve(attrs.mode(), null, false);
        String cmd = "touch -- " + ShellQuote.quote(stat.path()) + creationAttributes(stat.path(), mode, attrs);
        return List.of(runOrFail("touch " + stat.path(), stateDiff(stat, "file"), cmd, "touch " + stat.path()));
    }

    private static List<Change> link(RemoteHost host, FileStat stat, FileAttributes attrs, String src, boolean force) {
        if (src == null) {
            throw new ModuleFailure("src is required for state=link (" + stat.path() + ")");
        }
        if (stat.isLink() && src.equals(stat.linkTarget())) {
            return attrs.change(stat).stream().toList();
        }
        String path = ShellQuote.quote(stat.path());
        String remove = "";
        if (stat.exists() && !stat.isLink()) {
            if (!force) {
                throw new ModuleFailure("refusing to convert from " + stat.type() + " to symlink for "
                        + stat.path() + " (use force=yes)");
            }
            remove = (stat.isDirectory() ? "rmdir -- " : "rm -f -- ") + path + " && ";
        }
        String resolved = src.startsWith("/") ? src : parent(stat.path()) + "/" + src;
        if (!force && !host.stat(resolved).exists()) {
            throw new ModuleFailure("src file does not exist, use \"force=yes\" if you really want to create the link: "
                    + resolved);
        }
        StringBuilder cmd = new StringBuilder(remove).append("ln -sfn -- ").append(ShellQuote.quote(src))
                .append(' ').append(path);
        if (attrs.owner() != null) {
            cmd.append(" && chown -h ").append(ShellQuote.quote(attrs.owner())).append(" -- ").append(path);
        }
        if (attrs.group() != null) {
            cmd.append(" && chgrp -h ").append(ShellQuote.quote(attrs.group())).append(" -- ").append(path);
        }
        String command = cmd.toString();
        String before = stat.isLink() ? "state: link\nsrc: " + stat.linkTarget() + "\n" : "state: " + stat.type() + "\n";
        return List.of(runOrFail("link " + stat.path() + " -> " + src,
                Diff.of(stat.path(), before, "state: link\nsrc: " + src + "\n"),
                command, "link " + stat.path() + " to " + src));
    }

    /* Ansible's execute_diff_peek: a NUL byte in the first 8 KiB; an unreadable file counts as text. */
    private static boolean appearsBinary(RemoteHost host, String path) {
        ExecResult r = host.run("head -c 8192 -- " + ShellQuote.quote(path) + " 2>/dev/null | tr -dc '\\000' | wc -c");
        return r.ok() && !r.stdout().strip().equals("0");
    }

    private static String realPath(RemoteHost host, String path) {
        ExecResult r = host.run("realpath -m -- " + ShellQuote.quote(path));
        if (!r.ok()) {
            throw new ModuleFailure("cannot resolve " + path + " on " + host.hostName() + ": " + r.stderr().strip());
        }
        return r.stdout().strip();
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? (slash == 0 ? "" : ".") : path.substring(0, slash);
    }

    /* chmod/chown appended to a command that creates the path. */
    private static String creationAttributes(String path, String mode, FileAttributes attrs) {
        String q = ShellQuote.quote(path);
        StringBuilder out = new StringBuilder();
        if (mode != null) {
            out.append(" && chmod ").append(mode).append(" -- ").append(q);
        }
        if (attrs.owner() != null) {
            out.append(" && chown ").append(ShellQuote.quote(attrs.owner())).append(" -- ").append(q);
        }
        if (attrs.group() != null) {
            out.append(" && chgrp ").append(ShellQuote.quote(attrs.group())).append(" -- ").append(q);
        }
        return out.toString();
    }

    private static Diff stateDiff(FileStat before, String afterState) {
        return Diff.of(before.path(), "state: " + before.type() + "\n", "state: " + afterState + "\n");
    }

    /** The change that runs {@code command}, failing as "cannot WHAT on HOST: stderr" with rc and stderr. */
    static Change runOrFail(String description, Diff diff, String command, String what) {
        return Change.named(description, diff).then(RemoteCommand.of(command), (r, host) -> {
            if (!r.ok()) {
                throw new ModuleFailure("cannot " + what + " on " + host + ": " + r.stderr().strip(),
                        Results.of("rc", r.exitCode(), "stderr", r.stderr()));
            }
            return Map.of();
        });
    }
}
