package io.lvsplay.engine.playbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and loads roles: defaults, vars, meta dependencies (each run once per play unless
 * allow_duplicates), tasks and handlers, from main or the files include_role names.
 */
final class RoleLoader {
    static final Map<String, String> MAIN = Map.of();

    private final PlaybookLoader loader;
    private final Set<List<Object>> rolesInPlay = new HashSet<>();

    RoleLoader(PlaybookLoader loader) {
        this.loader = loader;
    }

    void newPlay() {
        rolesInPlay.clear();
    }

    /** {@code from}: "tasks"/"vars"/"defaults"/"handlers" to a file name in that folder (else main). */
    Role load(String name, Map<String, Object> params, Path baseDir, SourceLocation at, Map<String, String> from) {
        Path dir = findRoleDir(name, baseDir, at);
        Map<String, Object> defaults = loadOptionalVars(dir, "defaults", from.get("defaults"), at);
        Map<String, Object> vars = loadOptionalVars(dir, "vars", from.get("vars"), at);
        Map<String, Object> depDefaults = new LinkedHashMap<>();
        Map<String, Object> depVars = new LinkedHashMap<>();
        List<TaskItem> roleTasks = new ArrayList<>();
        // as Ansible's get_handler_blocks: the dependencies' handlers, then the role's own
        List<TaskItem> roleHandlers = new ArrayList<>();
        Path meta = mainFile(dir.resolve("meta"));
        if (meta != null && YamlDocument.load(meta).root() instanceof Map<?, ?> m
                && m.get("dependencies") instanceof List<?> deps) {
            SourceLocation metaAt = new SourceLocation(meta, 0);
            for (Object dep : deps) {
                RoleEntry entry = RoleEntry.parse(dep, metaAt);
                Role dependency = load(entry.name(), entry.params(), dir.getParent(), metaAt, MAIN);
                roleTasks.add(firstInPlay(entry, dependency) ? entry.block(dependency, metaAt)
                        : entry.skipped(dependency, metaAt));
                roleHandlers.addAll(dependency.handlers());
                depDefaults.putAll(dependency.defaults());
                depVars.putAll(dependency.vars());
            }
        }
        // later dependencies over earlier ones, the role's own over all of them
        defaults = PlaybookLoader.merge(depDefaults, defaults);
        vars = PlaybookLoader.merge(depVars, vars);
        Role withVars = new Role(name, dir, defaults, vars, params, List.of(), List.of());
        Path tasks = roleFile(dir, "tasks", from.get("tasks"), at);
        if (tasks != null) {
            roleTasks.addAll(loader.loadTaskFile(tasks, withVars));
        }
        Path handlers = roleFile(dir, "handlers", from.get("handlers"), at);
        if (handlers != null) {
            roleHandlers.addAll(loader.loadHandlerFile(handlers, withVars));
        }
        return new Role(name, dir, defaults, vars, params, roleTasks, roleHandlers);
    }

    /**
     * Ansible runs a role once per play for the same params (unless its meta says
     * allow_duplicates); import_role/include_role of the role itself always run it again.
     */
    boolean firstInPlay(RoleEntry entry, Role role) {
        return allowsDuplicates(role.dir())
                || rolesInPlay.add(List.of(role.dir(), entry.params(), entry.when(), entry.tags()));
    }

    private static boolean allowsDuplicates(Path roleDir) {
        Path meta = mainFile(roleDir.resolve("meta"));
        return meta != null && YamlDocument.load(meta).root() instanceof Map<?, ?> m
                && Boolean.TRUE.equals(TaskParser.boolOrNull(m.get("allow_duplicates")));
    }

    private Path findRoleDir(String name, Path baseDir, SourceLocation at) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(baseDir.resolve("roles").resolve(name));
        Path playbookDir = loader.playbookDir();
        if (playbookDir != null && !playbookDir.equals(baseDir)) {
            // include_role inside a role's task file: roles sit beside the playbook, not the task file
            candidates.add(playbookDir.resolve("roles").resolve(name));
        }
        loader.rolesPath().forEach(p -> candidates.add(p.resolve(name)));
        candidates.add(baseDir.resolve(name));
        candidates.add(baseDir.resolveSibling("roles").resolve(name));
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new PlaybookError(at, "role '" + name + "' not found; looked in: " + candidates);
    }

    static Path mainFile(Path dir) {
        return firstExisting(dir, "main");
    }

    /** NAME, NAME.yml, NAME.yaml, NAME.json in {@code dir}, as Ansible's find_vars_files tries them. */
    private static Path firstExisting(Path dir, String name) {
        for (String candidate : List.of(name + ".yml", name + ".yaml", name, name + ".json")) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** The role's main file of {@code kind}, or the {@code *_from} file, which must lie inside the role. */
    private static Path roleFile(Path roleDir, String kind, String from, SourceLocation at) {
        if (from == null) {
            return mainFile(roleDir.resolve(kind));
        }
        Path folder = roleDir.resolve(kind);
        Path wanted = folder.resolve(from).normalize();
        if (!wanted.startsWith(folder)) {
            throw new PlaybookError(at, "Failed loading '" + from + "' for role (" + roleDir.getFileName()
                    + ") as it is not inside the expected role path: '" + folder + "'");
        }
        Path found = firstExisting(wanted.getParent(), wanted.getFileName().toString());
        if (found == null) {
            throw new PlaybookError(at, "Could not find specified file in role: " + kind + "/" + from);
        }
        return found;
    }

    private static Map<String, Object> loadOptionalVars(Path roleDir, String kind, String from, SourceLocation at) {
        Path mainDir = roleDir.resolve(kind).resolve("main");
        if (from == null && Files.isDirectory(mainDir)) {
            // Ansible also takes defaults/main/ and vars/main/ folders: every file, in name order
            Map<String, Object> vars = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(mainDir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    vars.putAll(PlaybookLoader.loadVarsFile(f));
                }
            } catch (IOException e) {
                throw new PlaybookError(new SourceLocation(mainDir, 0), "cannot read folder: " + e.getMessage());
            }
            return vars;
        }
        Path file = roleFile(roleDir, kind, from, at);
        return file == null ? Map.of() : PlaybookLoader.loadVarsFile(file);
    }
}
