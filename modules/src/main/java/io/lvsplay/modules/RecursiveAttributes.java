package io.lvsplay.modules;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import java.util.Optional;

/**
 * file state=directory recurse=yes: one find lists mode/owner/group of the whole tree, the
 * desired attributes are compared entry by entry (symbolic modes per entry, X depends on the
 * type), and one chmod -R/chown -R change is planned only when something differs.
 */
final class RecursiveAttributes {
    private RecursiveAttributes() {
    }

    static Optional<Change> plan(RemoteHost host, String root, Object mode, FileAttributes attrs) {
        if (mode == null && attrs.owner() == null && attrs.group() == null) {
            return Optional.empty();
        }
        String q = ShellQuote.quote(root);
        ExecResult r = host.run("LC_ALL=C find " + q + " -printf '%m\\t%u\\t%g\\t%y\\t%p\\n'");
        if (!r.ok()) {
            throw new ModuleFailure("cannot list " + root + " on " + host.hostName() + ": " + r.stderr().strip());
        }
        int differing = 0;
        for (String line : r.stdout().split("\n")) {
            String[] f = line.split("\t", 5);
            if (f.length < 5 || "l".equals(f[3])) {
                continue;
            }
            String current = FileMode.format(Integer.parseInt(f[0], 8));
            String wanted = FileMode.resolve(mode, current, "d".equals(f[3]));
            boolean differs = (wanted != null && !wanted.equals(current))
                    || (attrs.owner() != null && !attrs.owner().equals(f[1]))
                    || (attrs.group() != null && !attrs.group().equals(f[2]));
            if (differs) {
                differing++;
            }
        }
        if (differing == 0) {
            return Optional.empty();
        }
        StringBuilder cmd = new StringBuilder("set -e");
        if (mode != null) {
            // chmod -R understands symbolic modes itself, including X, entry by entry
            String spec = mode instanceof Number n ? FileMode.format(n.intValue()) : String.valueOf(mode);
            cmd.append("; chmod -R ").append(ShellQuote.quote(spec)).append(" -- ").append(q);
        }
        if (attrs.owner() != null) {
            cmd.append("; chown -R ").append(ShellQuote.quote(attrs.owner())).append(" -- ").append(q);
        }
        if (attrs.group() != null) {
            cmd.append("; chgrp -R ").append(ShellQuote.quote(attrs.group())).append(" -- ").append(q);
        }
        String command = cmd.toString();
        int count = differing;
        return Optional.of(FileModule.runOrFail("set attributes recursively under " + root,
                Diff.of(root + " (file attributes, recursive)", count + " path(s) differ\n", "0 path(s) differ\n"),
                command, "set attributes under " + root));
    }
}
