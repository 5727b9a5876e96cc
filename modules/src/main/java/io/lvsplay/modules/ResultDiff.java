package io.lvsplay.modules;

import io.lvsplay.engine.remote.FileStat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The diff the file module returns in its result, as Ansible's initial_diff starts it: before and
 * after hold the path, and the state when it changes; attributes and times that change are added
 * by whoever plans them. Registered results carry it (playbooks test {@code result.diff.after}).
 */
final class ResultDiff {
    private ResultDiff() {
    }

    static Map<String, Object> initial(FileStat stat, String state) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        before.put("path", stat.path());
        after.put("path", stat.path());
        String prev = switch (stat.type()) {
            case "absent", "link", "directory" -> stat.type();
            default -> "file"; // Ansible's get_state: anything else that exists is a file
        };
        if (!prev.equals(state)) {
            before.put("state", prev);
            after.put("state", state);
        }
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("before", before);
        diff.put("after", after);
        return diff;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> side(Map<String, Object> diff, String which) {
        return (Map<String, Object>) diff.get(which);
    }
}
