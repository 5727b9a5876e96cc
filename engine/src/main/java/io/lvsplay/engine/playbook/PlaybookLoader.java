package io.lvsplay.engine.playbook;

import io.lvsplay.engine.module.ModuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a playbook and everything it names statically (imported playbooks, roles, task files,
 * vars_files), checking every keyword, module and argument before anything runs.
 */
public final class PlaybookLoader {

    private static final Set<String> PLAY_KEYS = Set.of(
            "name", "hosts", "vars", "vars_files", "gather_facts", "become", "become_user", "become_method",
            "serial", "strategy", "tasks", "pre_tasks", "post_tasks", "handlers", "roles", "tags",
            "any_errors_fatal", "max_fail_percentage", "remote_user", "connection", "environment", "collections",
            "force_handlers", "ignore_errors", "ignore_unreachable", "check_mode", "diff", "module_defaults",
            "no_log", "order", "run_once", "port", "timeout", "gather_subset", "gather_timeout", "fact_path",
            "become_flags", "throttle", "debugger", "vars_prompt");

    private final ModuleRegistry modules;
    private final TaskParser tasks;
    private final Map<Path, List<TaskItem>> taskFileCache = new HashMap<>();
    private final List<Role> includedRoles = new ArrayList<>();
    private final List<Path> rolesPath;
    private Path playbookDir;

    public PlaybookLoader(ModuleRegistry modules) {
        this(modules, List.of());
    }

    /** rolesPath: [defaults] roles_path / $ANSIBLE_ROLES_PATH, read once by the caller. */
    public PlaybookLoader(ModuleRegistry modules, List<Path> rolesPath) {
        this.modules = modules;
        this.rolesPath = List.copyOf(rolesPath);
        this.tasks = new TaskParser(modules, this);
    }

    public Playbook load(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new PlaybookError(new SourceLocation(file, 0), "playbook not found");
        }
        return new Playbook(path, loadPlays(path, 0));
    }

    private List<Play> loadPlays(Path path, int depth) {
        if (depth > 20) {
            throw new PlaybookError(new SourceLocation(path, 0), "import_playbook nested too deep (a cycle?)");
        }
        YamlDocument doc = YamlDocument.load(path);
        Object root = doc.root();
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof List<?> list)) {
            throw new PlaybookError(doc.at(root), "a playbook must be a list of plays (each starting with '- hosts: ...')");
        }
        List<Play> plays = new ArrayList<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> raw)) {
                throw new PlaybookError(doc.at(list), "each play must be a mapping with 'hosts:', got: " + entry);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) raw;
            Object imported = map.containsKey("import_playbook") ? map.get("import_playbook")
                    : map.get("ansible.builtin.import_playbook");
            if (imported != null) {
                Path child = path.getParent().resolve(String.valueOf(imported)).normalize();
                if (!Files.isRegularFile(child)) {
                    throw new PlaybookError(doc.at(map), "imported playbook not found: " + child);
                }
                plays.addAll(loadPlays(child, depth + 1));
                continue;
            }
            plays.add(loadPlay(map, doc, path.getParent()));
        }
        return plays;
    }

    private Play loadPlay(Map<String, Object> map, YamlDocument doc, Path baseDir) {
        playbookDir = baseDir;
        for (String key : map.keySet()) {
            if (!PLAY_KEYS.contains(key)) {
                throw new PlaybookError(doc.at(map, key), "'" + key + "' is not a valid play keyword"
                        + (modules.knows(key) ? " (module calls belong under 'tasks:')" : ""));
            }
        }
        UnimplementedKeywords.check(map, doc, "play");
        if (map.containsKey("vars_prompt")) {
            throw new PlaybookError(doc.at(map, "vars_prompt"), "vars_prompt is not supported; pass values with -e");
        }
        if (map.get("hosts") == null) {
            throw new PlaybookError(doc.at(map), "the play has no 'hosts:' (which hosts should it run on?)");
        }
        String hosts = map.get("hosts") instanceof List<?> l
                ? String.join(":", l.stream().map(String::valueOf).toList()) : String.valueOf(map.get("hosts"));
        Map<String, Object> vars = mapping(map, "vars", doc);
        List<String> varsFiles = TaskParser.strings(map.get("vars_files"));
        Map<String, Object> fromFiles = new LinkedHashMap<>();
        for (String vf : varsFiles) {
            if (vf.contains("{{")) {
                continue;
            }
            Path vfPath = baseDir.resolve(vf).normalize();
            if (!Files.isRegularFile(vfPath)) {
                throw new PlaybookError(doc.at(map, "vars_files"), "vars file not found: " + vfPath);
            }
            fromFiles.putAll(loadVarsFile(vfPath));
        }
        includedRoles.clear();
        List<Role> roles = new ArrayList<>();
        if (map.get("roles") instanceof List<?> roleList) {
            for (Object r : roleList) {
                roles.add(roleEntry(r, doc, map, baseDir));
            }
        } else if (map.get("roles") != null) {
            throw new PlaybookError(doc.at(map, "roles"), "'roles' must be a list");
        }
        List<TaskItem> roleTasks = new ArrayList<>();
        List<TaskItem> handlers = new ArrayList<>();
        for (Role role : roles) {
            roleTasks.addAll(role.tasks());
            handlers.addAll(role.handlers());
        }
        List<TaskItem> pre = tasks.parseList(map.get("pre_tasks"), doc, null, baseDir, "pre_tasks");
        List<TaskItem> main = new ArrayList<>(roleTasks);
        main.addAll(tasks.parseList(map.get("tasks"), doc, null, baseDir, "tasks"));
        List<TaskItem> post = tasks.parseList(map.get("post_tasks"), doc, null, baseDir, "post_tasks");
        handlers.addAll(tasks.parseList(map.get("handlers"), doc, null, baseDir, "handlers"));
        for (Role included : includedRoles) {
            roles.add(included);
            handlers.addAll(included.handlers());
        }
        KeywordValues.check(map, doc);
        TaskOptions options = new TaskOptions(null, List.of(), TaskParser.strings(map.get("tags")), Map.of(),
                TaskParser.boolOrNull(map.get("become")), TaskParser.stringOrNull(map.get("become_user")), null,
                Boolean.TRUE.equals(TaskParser.boolOrNull(map.get("run_once"))),
                TaskParser.boolOrNull(map.get("no_log")), TaskParser.boolOrNull(map.get("ignore_errors")),
                TaskParser.boolOrNull(map.get("ignore_unreachable")), TaskParser.boolOrNull(map.get("check_mode")),
                TaskParser.boolOrNull(map.get("diff")), playEnvironment(map.get("environment")));
        Object gather = map.get("gather_facts");
        boolean gatherFacts = gather == null || Boolean.TRUE.equals(TaskParser.boolOrNull(gather));
        List<Object> serial = map.get("serial") == null ? List.of()
                : map.get("serial") instanceof List<?> s ? new ArrayList<>(s) : List.of(map.get("serial"));
        String strategy = map.get("strategy") == null ? "linear" : String.valueOf(map.get("strategy"));
        if (!strategy.equals("linear") && !strategy.equals("free")) {
            throw new PlaybookError(doc.at(map, "strategy"), "strategy must be 'linear' or 'free', got: " + strategy);
        }
        return new Play(TaskParser.stringOrNull(map.get("name")), hosts, vars, varsFiles, fromFiles, gatherFacts,
                options, serial, strategy, Boolean.TRUE.equals(TaskParser.boolOrNull(map.get("any_errors_fatal"))),
                TaskParser.stringOrNull(map.get("remote_user")), List.copyOf(roles), pre, main, post, handlers,
                baseDir, doc.at(map));
    }

    private Role roleEntry(Object entry, YamlDocument doc, Map<String, Object> play, Path baseDir) {
        if (entry instanceof String name) {
            return loadRole(name, Map.of(), baseDir, doc.at(play, "roles"));
        }
        if (entry instanceof Map<?, ?> m) {
            Object name = m.get("role") != null ? m.get("role") : m.get("name");
            if (name == null) {
                throw new PlaybookError(doc.at(m), "a role entry needs 'role: NAME'");
            }
            Map<String, Object> params = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (!Set.of("role", "name", "tags", "when", "become", "become_user", "vars").contains(key)) {
                    params.put(key, v);
                }
            });
            if (m.get("vars") instanceof Map<?, ?> vars) {
                vars.forEach((k, v) -> params.put(String.valueOf(k), v));
            }
            Role role = loadRole(String.valueOf(name), params, baseDir, doc.at(m));
            List<String> when = TaskParser.conditions(m.get("when"));
            List<String> tags = TaskParser.strings(m.get("tags"));
            Boolean become = TaskParser.boolOrNull(m.get("become"));
            String becomeUser = TaskParser.stringOrNull(m.get("become_user"));
            if (when.isEmpty() && tags.isEmpty() && become == null && becomeUser == null && params.isEmpty()) {
                return role;
            }
            TaskOptions wrap = new TaskOptions(null, when, tags, params, become, becomeUser, null, false, null, null,
                    null, null, null, Map.of());
            TaskItem block = new Block(wrap, role.tasks(), List.of(), List.of(), doc.at(m), role);
            return new Role(role.name(), role.dir(), role.defaults(), role.vars(), params, List.of(block),
                    role.handlers());
        }
        throw new PlaybookError(doc.at(play, "roles"), "a role entry must be a name or a mapping, got: " + entry);
    }

    Role loadRole(String name, Map<String, Object> params, Path baseDir, SourceLocation at) {
        Path dir = findRoleDir(name, baseDir, at);
        Role shell = new Role(name, dir, Map.of(), Map.of(), params, List.of(), List.of());
        Map<String, Object> defaults = loadOptionalVars(dir.resolve("defaults"));
        Map<String, Object> vars = loadOptionalVars(dir.resolve("vars"));
        Role withVars = new Role(name, dir, defaults, vars, params, List.of(), List.of());
        List<TaskItem> roleTasks = new ArrayList<>();
        Path meta = mainFile(dir.resolve("meta"));
        if (meta != null && YamlDocument.load(meta).root() instanceof Map<?, ?> m
                && m.get("dependencies") instanceof List<?> deps) {
            for (Object dep : deps) {
                String depName = dep instanceof Map<?, ?> dm ? String.valueOf(dm.get(dm.containsKey("role") ? "role" : "name"))
                        : String.valueOf(dep);
                Role dependency = loadRole(depName, Map.of(), baseDir, new SourceLocation(meta, 0));
                roleTasks.add(new Block(TaskOptions.empty(), dependency.tasks(), List.of(), List.of(),
                        new SourceLocation(meta, 0), dependency));
                defaults = merge(dependency.defaults(), defaults);
                vars = merge(dependency.vars(), vars);
            }
            withVars = new Role(name, dir, defaults, vars, params, List.of(), List.of());
        }
        Path tasksMain = mainFile(dir.resolve("tasks"));
        if (tasksMain != null) {
            roleTasks.addAll(loadTaskFile(tasksMain, withVars));
        }
        Path handlersMain = mainFile(dir.resolve("handlers"));
        List<TaskItem> roleHandlers = handlersMain == null ? List.of() : loadTaskFile(handlersMain, withVars);
        if (shell.tasks().isEmpty() && roleTasks.isEmpty() && roleHandlers.isEmpty() && defaults.isEmpty()) {
            throw new PlaybookError(at, "role '" + name + "' at " + dir + " has no tasks/main.yml");
        }
        return new Role(name, dir, defaults, vars, params, roleTasks, roleHandlers);
    }

    void registerIncludedRole(Role role) {
        includedRoles.add(role);
    }

    private static Map<String, Object> merge(Map<String, Object> low, Map<String, Object> high) {
        Map<String, Object> merged = new LinkedHashMap<>(low);
        merged.putAll(high);
        return merged;
    }

    private Path findRoleDir(String name, Path baseDir, SourceLocation at) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(baseDir.resolve("roles").resolve(name));
        if (playbookDir != null && !playbookDir.equals(baseDir)) {
            // include_role inside a role's task file: roles sit beside the playbook, not the task file
            candidates.add(playbookDir.resolve("roles").resolve(name));
        }
        rolesPath.forEach(p -> candidates.add(p.resolve(name)));
        candidates.add(baseDir.resolve(name));
        candidates.add(baseDir.resolveSibling("roles").resolve(name));
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new PlaybookError(at, "role '" + name + "' not found; looked in: " + candidates);
    }

    private static Path mainFile(Path dir) {
        for (String name : List.of("main.yml", "main.yaml", "main")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private Map<String, Object> loadOptionalVars(Path dir) {
        Path main = mainFile(dir);
        return main == null ? Map.of() : loadVarsFile(main);
    }

    /** A vars file (vars_files, role defaults/vars): a mapping of names to values. */
    public static Map<String, Object> loadVarsFile(Path file) {
        YamlDocument doc = YamlDocument.load(file);
        if (doc.root() == null) {
            return Map.of();
        }
        if (!(doc.root() instanceof Map<?, ?> m)) {
            throw new PlaybookError(doc.at(doc.root()), "a vars file must be a mapping of names to values");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = (Map<String, Object>) m;
        return vars;
    }

    /** Loads (once) and parses a task file of a role, an include or an import. */
    List<TaskItem> loadTaskFile(Path file, Role role) {
        Path key = file.toAbsolutePath().normalize();
        List<TaskItem> cached = taskFileCache.get(key);
        if (cached != null) {
            return cached;
        }
        taskFileCache.put(key, List.of());
        YamlDocument doc = YamlDocument.load(key);
        List<TaskItem> items = tasks.parseList(doc.root(), doc, role, key.getParent(), key.getFileName().toString());
        taskFileCache.put(key, items);
        return items;
    }

    /** For include_tasks with a templated path: loaded at run time, relative to the including file's folder. */
    public List<TaskItem> loadIncludedTasks(Path file, Role role) {
        return loadTaskFile(file, role);
    }

    /** A mapping keyword; Ansible also takes vars as a list of mappings, merged in order. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(Map<String, Object> map, String key, YamlDocument doc) {
        Object value = map.get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
            Map<String, Object> merged = new java.util.LinkedHashMap<>();
            list.forEach(m -> ((Map<?, ?>) m).forEach((k, v) -> merged.put(String.valueOf(k), v)));
            return merged;
        }
        if (!(value instanceof Map)) {
            throw new PlaybookError(doc.at(map, key), "'" + key + "' must be a mapping of names to values"
                    + " (or a list of such mappings), got " + YamlDocument.describe(value));
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> playEnvironment(Object env) {
        return env instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
