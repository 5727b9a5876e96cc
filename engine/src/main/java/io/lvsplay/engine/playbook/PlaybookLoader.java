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
            "become_flags", "become_exe", "throttle", "debugger", "vars_prompt");

    private final ModuleRegistry modules;
    private final TaskParser tasks;
    /** Parsed task files by path and role (a file outside a role may be imported by several). */
    private final Map<List<Object>, List<TaskItem>> taskFileCache = new HashMap<>();
    /** Handler files are parsed by a handler list's rules, so apart from the same files read as tasks. */
    private final Map<List<Object>, List<TaskItem>> handlerFileCache = new HashMap<>();
    private final List<Role> includedRoles = new ArrayList<>();
    private final List<Path> rolesPath;
    private Path playbookDir;
    private int dynamicDepth;
    private Map<String, Object> playVars = Map.of();
    private final RoleLoader roles = new RoleLoader(this);
    private final DeferredArgumentErrors argumentErrors = new DeferredArgumentErrors();

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
        return new Playbook(path, loadPlays(path, 0, PlayImport.NONE));
    }

    private List<Play> loadPlays(Path path, int depth, PlayImport outer) {
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
                plays.addAll(loadPlays(child, depth + 1, outer.then(PlayImport.of(map, doc))));
                continue;
            }
            plays.add(loadPlay(map, doc, path.getParent(), outer));
        }
        return plays;
    }

    private Play loadPlay(Map<String, Object> map, YamlDocument doc, Path baseDir, PlayImport imported) {
        playbookDir = baseDir;
        for (String key : map.keySet()) {
            if (!PLAY_KEYS.contains(key)) {
                throw new PlaybookError(doc.at(map, key), "'" + key + "' is not a valid attribute for a Play"
                        + (modules.knows(key) ? " (module calls belong under 'tasks:')" : ""));
            }
        }
        UnimplementedKeywords.check(map, doc, "play");
        List<VarsPrompt> prompts = VarsPrompt.parse(map.get("vars_prompt"), doc, map);
        if (map.get("hosts") == null) {
            throw new PlaybookError(doc.at(map), "the play has no 'hosts:' (which hosts should it run on?)");
        }
        String hosts = map.get("hosts") instanceof List<?> l
                ? String.join(":", l.stream().map(String::valueOf).toList()) : String.valueOf(map.get("hosts"));
        Map<String, Object> vars = merge(mapping(map, "vars", doc), imported.vars());
        playVars = vars;
        List<Object> varsFiles = PlayVarsFiles.entries(map.get("vars_files"), doc.at(map, "vars_files"));
        Map<String, Object> fromFiles = PlayVarsFiles.loadStatic(varsFiles, baseDir, doc.at(map, "vars_files"));
        includedRoles.clear();
        roles.newPlay();
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
        List<TaskItem> pre = tasks.parseTasks(map.get("pre_tasks"), doc, null, baseDir, "pre_tasks");
        List<TaskItem> main = new ArrayList<>(roleTasks);
        main.addAll(tasks.parseTasks(map.get("tasks"), doc, null, baseDir, "tasks"));
        List<TaskItem> post = tasks.parseTasks(map.get("post_tasks"), doc, null, baseDir, "post_tasks");
        handlers.addAll(tasks.parseHandlers(map.get("handlers"), doc, null, baseDir));
        for (Role included : includedRoles) {
            roles.add(included);
            handlers.addAll(included.handlers());
        }
        KeywordValues.check(map, doc);
        List<String> playTags = new ArrayList<>(TaskParser.strings(map.get("tags")));
        playTags.addAll(imported.tags());
        TaskOptions options = new TaskOptions(null, imported.when(), playTags, Map.of(),
                TaskParser.boolOrNull(map.get("become")), TaskParser.stringOrNull(map.get("become_user")), null,
                Boolean.TRUE.equals(TaskParser.boolOrNull(map.get("run_once"))),
                TaskParser.boolOrNull(map.get("no_log")), TaskParser.boolOrNull(map.get("ignore_errors")),
                TaskParser.boolOrNull(map.get("ignore_unreachable")), TaskParser.boolOrNull(map.get("check_mode")),
                TaskParser.boolOrNull(map.get("diff")), EnvironmentKeyword.layers(map, doc), map.get("throttle"),
                map.get("any_errors_fatal"), TaskParser.stringOrNull(map.get("connection")), DeferredFlags.of(map));
        Object gather = map.get("gather_facts");
        boolean gatherFacts = gather == null || Boolean.TRUE.equals(TaskParser.boolOrNull(gather));
        List<Object> serial = map.get("serial") == null ? List.of()
                : map.get("serial") instanceof List<?> s ? new ArrayList<>(s) : List.of(map.get("serial"));
        String strategy = map.get("strategy") == null ? "linear" : String.valueOf(map.get("strategy"));
        PlayKeywordValues.check(map, doc);
        for (List<TaskItem> section : List.of(pre, main, post, handlers)) {
            argumentErrors.refuseUnhandled(section, FailureHandling.ignoresErrors(options));
        }
        return new Play(TaskParser.stringOrNull(map.get("name")), hosts, vars, varsFiles, fromFiles, gatherFacts,
                options, serial, strategy, Boolean.TRUE.equals(TaskParser.boolOrNull(map.get("any_errors_fatal"))),
                map.get("order"), map.get("force_handlers"), map.get("max_fail_percentage"),
                TaskParser.stringOrNull(map.get("remote_user")), List.copyOf(roles), pre, main, post, handlers,
                baseDir, doc.at(map), prompts);
    }

    private Role roleEntry(Object raw, YamlDocument doc, Map<String, Object> play, Path baseDir) {
        SourceLocation at = raw instanceof Map<?, ?> m ? doc.at(m) : doc.at(play, "roles");
        RoleEntry entry = RoleEntry.parse(raw, at);
        Role role = loadRole(entry.name(), entry.params(), baseDir, at);
        return new Role(role.name(), role.dir(), role.defaults(), role.vars(), entry.params(),
                List.of(roles.firstInPlay(entry, role) ? entry.block(role, at) : entry.skipped(role, at)), role.handlers());
    }

    Role loadRole(String name, Map<String, Object> params, Path baseDir, SourceLocation at) {
        return roles.load(name, params, baseDir, at, RoleLoader.MAIN);
    }

    /** include_role/import_role: tasks_from, vars_from, defaults_from, handlers_from as given. */
    Role loadRole(String name, Path baseDir, SourceLocation at, Map<String, String> from) {
        return roles.load(name, Map.of(), baseDir, at, from);
    }

    private static final java.util.regex.Pattern PLAIN_VAR =
            java.util.regex.Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    /**
     * A role name or *_from file written as a template, resolved at load time from the play's vars
     * (and an import_playbook's) and playbook_dir, as Ansible does for import_role; only
     * '{{ name }}' references are taken.
     */
    String staticText(String text, SourceLocation at) {
        if (!text.contains("{{") && !text.contains("{%")) {
            return text;
        }
        Map<String, Object> known = new LinkedHashMap<>(playVars);
        known.put("playbook_dir", playbookDir.toString());
        java.util.regex.Matcher m = PLAIN_VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!(known.get(m.group(1)) instanceof String value) || value.contains("{{")) {
                throw new PlaybookError(at, "'" + text + "' must be known when the playbook is loaded: lvsplay takes"
                        + " play vars and playbook_dir here ('" + m.group(1) + "' is not one)");
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (out.toString().contains("{{") || out.toString().contains("{%")) {
            throw new PlaybookError(at, "'" + text + "' must be known when the playbook is loaded: lvsplay takes"
                    + " only '{{ var }}' references here");
        }
        return out.toString();
    }

    void registerIncludedRole(Role role) {
        includedRoles.add(role);
    }

    static Map<String, Object> merge(Map<String, Object> low, Map<String, Object> high) {
        Map<String, Object> merged = new LinkedHashMap<>(low);
        merged.putAll(high);
        return merged;
    }

    Path playbookDir() {
        return playbookDir;
    }

    List<Path> rolesPath() {
        return rolesPath;
    }

    /**
     * A vars file (vars_files, role defaults/vars): a mapping of names to values, or (as Ansible's
     * preprocess_vars takes) a list of such mappings, merged in order.
     */
    public static Map<String, Object> loadVarsFile(Path file) {
        YamlDocument doc = YamlDocument.load(file);
        if (doc.root() == null) {
            return Map.of();
        }
        List<?> parts = doc.root() instanceof List<?> list ? list : List.of(doc.root());
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Object part : parts) {
            if (!(part instanceof Map<?, ?> m)) {
                throw new PlaybookError(doc.at(doc.root()), "variable files must contain either a dictionary of"
                        + " variables, or a list of dictionaries. Got: " + YamlDocument.describe(part));
            }
            m.forEach((k, v) -> vars.put(String.valueOf(k), v));
        }
        return vars;
    }

    /** Loads (once) and parses a task file of a role, an include or an import. */
    List<TaskItem> loadTaskFile(Path file, Role role) {
        return loadFile(file, role, false);
    }

    /** Loads (once) a file of handlers: a role's handlers, or one imported or included in a handler list. */
    List<TaskItem> loadHandlerFile(Path file, Role role) {
        return loadFile(file, role, true);
    }

    List<TaskItem> loadFile(Path file, Role role, boolean handlers) {
        Map<List<Object>, List<TaskItem>> cache = handlers ? handlerFileCache : taskFileCache;
        Path path = file.toAbsolutePath().normalize();
        List<Object> key = List.of(path, role == null ? "" : role.dir());
        List<TaskItem> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        cache.put(key, List.of());
        try {
            YamlDocument doc = YamlDocument.load(path);
            String section = path.getFileName().toString();
            List<TaskItem> items = handlers ? tasks.parseHandlers(doc.root(), doc, role, path.getParent())
                    : tasks.parseTasks(doc.root(), doc, role, path.getParent(), section);
            cache.put(key, items);
            return items;
        } catch (PlaybookError e) {
            cache.remove(key);
            throw e;
        }
    }

    /**
     * A dynamic include's file, read ahead so mistakes show before any host is contacted. Ansible
     * reads it only when the include runs: a file that does not load is left for then (null), and
     * the old {@code include:} inside it is dynamic too.
     */
    List<TaskItem> preloadDynamic(Path file, Role role, boolean handlers) {
        dynamicDepth++;
        try {
            return loadFile(file, role, handlers);
        } catch (PlaybookError e) {
            return null;
        } finally {
            dynamicDepth--;
        }
    }

    /** An argument error of the task at {@code task}, refused once the play shows nothing handles it. */
    void deferArgumentError(SourceLocation task, PlaybookError error) {
        argumentErrors.add(task, error);
    }

    /** True while reading the file of a dynamic include (where {@code include:} is dynamic too). */
    boolean inDynamicInclude() {
        return dynamicDepth > 0;
    }

    /** For include_tasks with a templated path: loaded at run time, relative to the including file's folder. */
    public List<TaskItem> loadIncludedTasks(Path file, Role role) {
        return loadTaskFile(file, role);
    }

    /** For include_tasks in a handler list, when the handler runs: the file's tasks are handlers. */
    public List<TaskItem> loadIncludedHandlers(Path file, Role role) {
        return loadHandlerFile(file, role);
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

}
