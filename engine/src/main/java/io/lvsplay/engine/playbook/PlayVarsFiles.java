package io.lvsplay.engine.playbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A play's {@code vars_files}, as Ansible reads them: each entry a file name, or a list of names of
 * which the first that exists is read; a relative name is looked for in the playbook's {@code vars/}
 * folder, then beside the playbook. Entries with templates are read per host at run time.
 */
public final class PlayVarsFiles {
    private PlayVarsFiles() {
    }

    static List<Object> entries(Object value, SourceLocation at) {
        if (value == null) {
            return List.of();
        }
        List<?> list = value instanceof List<?> l ? l : List.of(value);
        List<Object> entries = new ArrayList<>();
        for (Object entry : list) {
            if (entry instanceof List<?> names && names.stream().noneMatch(n -> n instanceof Map || n instanceof List)) {
                entries.add(names.stream().map(String::valueOf).toList());
            } else if (entry instanceof String || entry instanceof Number) {
                entries.add(String.valueOf(entry));
            } else {
                throw new PlaybookError(at, "Invalid vars_files entry found: " + entry + "; vars_files entries should be"
                        + " either a string type or a list of string types");
            }
        }
        return entries;
    }

    /** The names an entry offers, in order. */
    @SuppressWarnings("unchecked")
    public static List<String> candidates(Object entry) {
        return entry instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(entry));
    }

    public static boolean templated(Object entry) {
        return candidates(entry).stream().anyMatch(n -> n.contains("{{") || n.contains("{%"));
    }

    private static Map<String, Object> loadEntry(Object entry, Path baseDir, SourceLocation at) {
        for (String name : candidates(entry)) {
            Path found = find(name, baseDir);
            if (found != null) {
                return PlaybookLoader.loadVarsFile(found);
            }
        }
        throw new PlaybookError(at, "vars file " + entry + " was not found; looked in " + baseDir.resolve("vars")
                + " and " + baseDir);
    }

    static Map<String, Object> loadStatic(List<Object> entries, Path baseDir, SourceLocation at) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Object entry : entries) {
            if (!templated(entry)) {
                vars.putAll(loadEntry(entry, baseDir, at));
            }
        }
        return vars;
    }

    /** Ansible's path_dwim_relative_stack for 'vars': PLAYBOOK_DIR/vars/NAME, then PLAYBOOK_DIR/NAME. */
    public static Path find(String name, Path baseDir) {
        Path given = Path.of(name.startsWith("~/") ? System.getProperty("user.home") + name.substring(1) : name);
        if (given.isAbsolute()) {
            return Files.isRegularFile(given) ? given : null;
        }
        List<Path> search = new ArrayList<>();
        if (!name.split("/")[0].equals("vars")) {
            search.add(baseDir.resolve("vars").resolve(name));
        }
        search.add(baseDir.resolve(name));
        return search.stream().filter(Files::isRegularFile).map(Path::normalize).findFirst().orElse(null);
    }
}
