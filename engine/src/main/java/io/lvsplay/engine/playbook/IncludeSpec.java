package io.lvsplay.engine.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of an include/import keyword: the file, and for the old {@code include: file.yml a=1 b=2}
 * form its key=value params (Ansible passes them to the included tasks as include params).
 */
record IncludeSpec(String file, Map<String, Object> params, Map<String, Object> apply) {

    static IncludeSpec parse(String keyword, Object value, SourceLocation at) {
        if (value instanceof Map<?, ?> m) {
            Object apply = m.get("apply");
            for (Object k : m.keySet()) {
                if (!"file".equals(k) && !("apply".equals(k) && keyword.endsWith("include_tasks"))) {
                    throw new PlaybookError(at, "Invalid options for " + keyword + ": " + k);
                }
            }
            if (m.get("file") == null) {
                throw new PlaybookError(at, keyword + " needs 'file: PATH'");
            }
            if (apply != null && !(apply instanceof Map<?, ?>)) {
                throw new PlaybookError(at, "Expected a dict for apply but got " + YamlDocument.describe(apply));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> applyMap = (Map<String, Object>) apply;
            return new IncludeSpec(String.valueOf(m.get("file")), Map.of(), applyMap);
        }
        if (value == null) {
            throw new PlaybookError(at, keyword + " needs a file name");
        }
        String text = String.valueOf(value).strip();
        List<String> words = FreeFormArgs.split(text);
        if (words.size() <= 1) {
            return new IncludeSpec(text, Map.of(), null);
        }
        Map<String, Object> params;
        try {
            params = FreeFormArgs.parse(String.join(" ", words.subList(1, words.size())), false, List.of());
        } catch (IllegalArgumentException e) {
            // a file name with spaces, as Ansible takes it
            return new IncludeSpec(text, Map.of(), null);
        }
        if (!keyword.endsWith("include")) {
            throw new PlaybookError(at, "Invalid options for " + keyword + ": " + String.join(", ", params.keySet()));
        }
        return new IncludeSpec(words.get(0), new LinkedHashMap<>(params), null);
    }
}
