package io.lvsplay.modules;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import java.util.Optional;

/** create=yes of lineinfile/blockinfile also creates the missing parent directories, as Ansible does. */
final class ParentDirectory {
    private ParentDirectory() {
    }

    static Optional<Change> ensure(RemoteHost host, String path) {
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String parent = path.substring(0, slash);
        if (host.stat(parent).exists()) {
            return Optional.empty();
        }
        String cmd = "mkdir -p -- " + ShellQuote.quote(parent);
        return Optional.of(FileModule.runOrFail("create directory " + parent,
                Diff.of(parent, "state: absent\n", "state: directory\n"), cmd, "create directory " + parent));
    }
}
