package io.lvsplay.modules;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.ShellQuote;
import java.util.Map;
import java.util.Optional;

/** The mode/owner/group arguments every file module shares, and the change that applies them. */
record FileAttributes(Object mode, String owner, String group) {

    static FileAttributes from(ModuleArgs args) {
        return new FileAttributes(args.raw("mode"), args.str("owner"), args.str("group"));
    }

    /** The octal mode wanted for a path in its current state (null: keep whatever it is). */
    String modeFor(FileStat stat) {
        return FileMode.resolve(mode, stat.exists() ? stat.mode() : null, stat.isDirectory());
    }

    /**
     * Adds what would change to the result's diff, as Ansible's set_fs_attributes_if_different
     * does (mode as "0644"; owner and group by name, where Ansible gives the numeric ids).
     */
    void describe(FileStat stat, Map<String, Object> diff) {
        if (!stat.exists()) {
            return;
        }
        String wantedMode = modeFor(stat);
        Map<String, Object> before = ResultDiff.side(diff, "before");
        Map<String, Object> after = ResultDiff.side(diff, "after");
        if (wantedMode != null && !stat.isLink() && !wantedMode.equals(stat.mode())) {
            before.put("mode", stat.mode());
            after.put("mode", wantedMode);
        }
        if (owner != null && !owner.equals(stat.owner())) {
            before.put("owner", stat.owner());
            after.put("owner", owner);
        }
        if (group != null && !group.equals(stat.group())) {
            before.put("group", stat.group());
            after.put("group", group);
        }
    }

    /** The chmod/chown needed to bring an existing path to these attributes, if any. */
    Optional<Change> change(FileStat stat) {
        String wantedMode = modeFor(stat);
        boolean modeDiffers = wantedMode != null && !stat.isLink() && !wantedMode.equals(stat.mode());
        boolean ownerDiffers = owner != null && !owner.equals(stat.owner());
        boolean groupDiffers = group != null && !group.equals(stat.group());
        if (!modeDiffers && !ownerDiffers && !groupDiffers) {
            return Optional.empty();
        }
        String path = ShellQuote.quote(stat.path());
        StringBuilder cmd = new StringBuilder("set -e");
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        // -h: owner of a symlink itself, never of what it points to
        String noFollow = stat.isLink() ? " -h" : "";
        if (modeDiffers) {
            cmd.append("; chmod ").append(wantedMode).append(" -- ").append(path);
            before.append("mode: ").append(stat.mode()).append('\n');
            after.append("mode: ").append(wantedMode).append('\n');
        }
        if (ownerDiffers) {
            cmd.append("; chown").append(noFollow).append(' ').append(ShellQuote.quote(owner)).append(" -- ").append(path);
            before.append("owner: ").append(stat.owner()).append('\n');
            after.append("owner: ").append(owner).append('\n');
        }
        if (groupDiffers) {
            cmd.append("; chgrp").append(noFollow).append(' ').append(ShellQuote.quote(group)).append(" -- ").append(path);
            before.append("group: ").append(stat.group()).append('\n');
            after.append("group: ").append(group).append('\n');
        }
        String command = cmd.toString();
        return Optional.of(Change.named("set attributes of " + stat.path(),
                Diff.of(stat.path() + " (file attributes)", before.toString(), after.toString()))
                .then(RemoteCommand.of(command), (r, host) -> {
                    if (!r.ok()) {
                        throw new ModuleFailure("cannot set attributes of " + stat.path() + " on "
                                + host + ": " + r.stderr().strip());
                    }
                    return Map.of();
                }));
    }
}
