package io.lvsplay.engine.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keywords of an {@code import_playbook:} entry, given to every play it imports: vars (over the
 * play's own), when (before every task's) and tags (added to the play's).
 */
record PlayImport(Map<String, Object> vars, List<String> when, List<String> tags) {
    static final PlayImport NONE = new PlayImport(Map.of(), List.of(), List.of());
    private static final Set<String> KEYS = Set.of("import_playbook", "ansible.builtin.import_playbook", "name", "vars",
            "when", "tags");

    static PlayImport of(Map<String, Object> entry, YamlDocument doc) {
        for (String key : entry.keySet()) {
            if (!KEYS.contains(key)) {
                throw new PlaybookError(doc.at(entry, key), "'" + key + "' is not a valid keyword for import_playbook");
            }
        }
        return new PlayImport(PlaybookLoader.mapping(entry, "vars", doc), TaskParser.conditions(entry.get("when")),
                TaskParser.strings(entry.get("tags")));
    }

    /** An import inside an imported playbook: the outer one's keywords first. */
    PlayImport then(PlayImport inner) {
        Map<String, Object> v = new LinkedHashMap<>(vars);
        v.putAll(inner.vars);
        List<String> w = new ArrayList<>(when);
        w.addAll(inner.when);
        List<String> t = new ArrayList<>(tags);
        t.addAll(inner.tags);
        return new PlayImport(v, w, t);
    }
}
