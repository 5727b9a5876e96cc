package io.lvsplay.modules.content;

import io.lvsplay.engine.module.ModuleArgs;

/**
 * Ansible's reading of {@code tar --diff}: the lines that mean "not unpacked yet" are missing files,
 * mod times, invalid owners/groups, and mode, uid, gid differences unless the task sets them
 * (uid and gid only when running as root). GNU tar's "Size differs" and "Contents differ" come with
 * a "Mod time differs" line for the same member, as Ansible relies on.
 */
final class TarDiff {
    private TarDiff() {
    }

    static String differences(String output, boolean root, ModuleArgs args) {
        StringBuilder out = new StringBuilder();
        for (String line : output.split("\n")) {
            if (line.endsWith(": : Warning: Cannot stat: No such file or directory")) {
                continue;
            }
            boolean counts = (root && args.str("owner") == null && line.endsWith(": Uid differs"))
                    || (root && args.str("group") == null && line.endsWith(": Gid differs"))
                    || (args.raw("mode") == null && line.endsWith(": Mode differs"))
                    || line.endsWith(": Mod time differs")
                    || line.endsWith(": Warning: Cannot stat: No such file or directory")
                    || line.contains(": Invalid owner")
                    || line.contains(": Invalid group");
            if (counts) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
