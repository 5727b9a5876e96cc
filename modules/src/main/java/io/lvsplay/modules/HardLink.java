package io.lvsplay.modules;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.List;

/**
 * file state=hard, as Ansible's ensure_hardlink: the previous state (a regular file with more than
 * one link counts as "hard") decides whether a link is made, and the inode numbers whether an
 * existing hard link already is the one asked for. A relative src is the host's (the login directory's).
 */
final class HardLink {
    private HardLink() {
    }

    static List<Change> plan(RemoteHost host, FileStat stat, FileAttributes attrs, String src, boolean force) {
        String path = stat.path();
        // inode and link count of path and src, following links as os.stat does; "-" when absent
        String[] info = host.run("for p in " + ShellQuote.quote(path) + " " + ShellQuote.quote(src == null ? "" : src)
                + "; do stat -L -c '%i %h' -- \"$p\" 2>/dev/null || echo - -; done").stdout().strip().split("\\s+");
        String pathInode = info.length > 0 ? info[0] : "-";
        boolean many = info.length > 1 && !info[1].equals("-") && Integer.parseInt(info[1]) > 1;
        String srcInode = info.length > 2 ? info[2] : "-";
        String prev = stat.isLink() ? "link" : stat.isDirectory() ? "directory"
                : stat.exists() ? (many ? "hard" : "file") : "absent";
        if (!prev.equals("hard") && src == null) {
            throw new ModuleFailure("src is required for creating new hardlinks");
        }
        if (src != null && srcInode.equals("-")) {
            throw new ModuleFailure("src does not exist", Results.of("dest", path, "src", src));
        }
        boolean changed = switch (prev) {
            case "absent" -> true;
            case "link" -> !src.equals(stat.linkTarget());
            case "hard" -> src != null && !srcInode.equals(pathInode) && mustForce(force,
                    "Cannot link, different hard link exists at destination", path, src);
            case "file" -> mustForce(force, "Cannot link, file exists at destination", path, src);
            default -> !srcInode.equals(pathInode)
                    && mustForce(force, "Cannot link: different hard link exists at destination", path, src);
        };
        List<Change> changes = new ArrayList<>();
        FileStat after = stat;
        if (changed) {
            String q = ShellQuote.quote(path);
            String command = prev.equals("absent") ? "ln -- " + ShellQuote.quote(src) + " " + q
                    // replaced atomically through a temp name beside it, as Ansible does
                    : "t=" + ShellQuote.quote(parent(path) + "/.lvsplay.") + "$$.tmp && "
                    + (prev.equals("directory") ? "rmdir -- " + q + " && " : "")
                    + "ln -- " + ShellQuote.quote(src) + " \"$t\" && mv -fT -- \"$t\" " + q;
            String before = "state: " + prev + "\n" + (prev.equals("link") ? "src: " + stat.linkTarget() + "\n" : "");
            changes.add(FileModule.runOrFail("hard link " + path + " to " + src,
                    Diff.of(path, before, "state: hard\nsrc: " + src + "\n"), command, "hard link " + path + " to " + src));
            FileStat source = host.stat(src);
            after = new FileStat(path, "file", source.mode(), source.owner(), source.group(), source.size(), null);
        }
        attrs.change(after).ifPresent(changes::add);
        return changes;
    }

    private static boolean mustForce(boolean force, String msg, String path, String src) {
        if (!force) {
            throw new ModuleFailure(msg, Results.of("dest", path, "src", src));
        }
        return true;
    }

    /* The directory a path is in ("." for a bare name). */
    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }
}
