package io.lvsplay.engine.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of include_role/import_role: the role's name and which of its files to read
 * ({@code tasks_from}, {@code vars_from}, {@code defaults_from}, {@code handlers_from}).
 */
record RoleIncludeSpec(String name, Map<String, String> from, Object rolespecValidate) {
    private static final Map<String, String> FROM = Map.of("tasks_from", "tasks", "vars_from", "vars",
            "defaults_from", "defaults", "handlers_from", "handlers");
    /** Accepted with Ansible's meaning where lvsplay's loading already gives it (see README). */
    private static final Set<String> OTHER = Set.of("name", "allow_duplicates", "public", "rolespec_validate");

    static RoleIncludeSpec parse(String keyword, Object value, SourceLocation at) {
        Object spec = value;
        if (spec instanceof String text) {
            try {
                spec = FreeFormArgs.parse(text, false, List.of());
            } catch (IllegalArgumentException e) {
                throw new PlaybookError(at, keyword + ": " + e.getMessage());
            }
        }
        if (!(spec instanceof Map<?, ?> m) || m.get("name") == null) {
            throw new PlaybookError(at, keyword + " needs 'name: ROLE'");
        }
        Map<String, String> from = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (FROM.containsKey(key)) {
                from.put(FROM.get(key), String.valueOf(e.getValue()));
            } else if (key.equals("apply")) {
                throw new PlaybookError(at, "lvsplay does not support '" + keyword + ": apply:' yet; put the keywords"
                        + " on a block around it");
            } else if (!OTHER.contains(key) || key.equals("public") && !keyword.endsWith("include_role")) {
                throw new PlaybookError(at, "Invalid options for " + keyword + ": " + key);
            } else if (key.equals("allow_duplicates") && !Boolean.TRUE.equals(TaskParser.boolOrNull(e.getValue()))) {
                // Ansible's default (true) is what lvsplay does: each include runs the role again
                throw new PlaybookError(at, "lvsplay does not support '" + keyword + ": allow_duplicates: "
                        + e.getValue() + "' yet");
            }
        }
        return new RoleIncludeSpec(String.valueOf(m.get("name")), from, m.get("rolespec_validate"));
    }

    /** Ansible validates a role's meta/argument_specs.yml by default; lvsplay cannot yet. */
    void checkArgumentSpecs(Role role, SourceLocation at) {
        boolean hasSpecs = RoleLoader.mainFile(role.dir().resolve("meta")) != null
                && java.nio.file.Files.isRegularFile(role.dir().resolve("meta").resolve("argument_specs.yml"));
        if (hasSpecs && !Boolean.FALSE.equals(TaskParser.boolOrNull(rolespecValidate))) {
            throw new PlaybookError(at, "lvsplay does not support role argument_specs validation yet (role '"
                    + role.name() + "'); set rolespec_validate: false");
        }
    }
}
