package io.lvsplay.engine.playbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a relative {@code src:} of copy/template is looked for, in order, like Ansible: the role's
 * templates/ or files/, the including task file's folder, the playbook's folder; plus lvsplay's own
 * layout, where playbooks/ sits beside a top-level templates/ and files/.
 */
public final class FileSearch {
    private FileSearch() {
    }

    public static List<Path> candidates(Role role, Path playbookDir, Path taskDir, String name, String kind) {
        List<Path> candidates = new ArrayList<>();
        if (role != null) {
            candidates.add(role.dir().resolve(kind).resolve(name));
            candidates.add(role.dir().resolve(name));
        }
        if (taskDir != null) {
            candidates.add(taskDir.resolve(kind).resolve(name));
            candidates.add(taskDir.resolve(name));
        }
        candidates.add(playbookDir.resolve(kind).resolve(name));
        candidates.add(playbookDir.resolve(name));
        candidates.add(playbookDir.resolveSibling(kind).resolve(name));
        return candidates.stream().map(Path::normalize).distinct().toList();
    }
}
