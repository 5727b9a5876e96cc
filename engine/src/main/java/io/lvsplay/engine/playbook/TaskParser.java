package io.lvsplay.engine.playbook;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleRegistry;
import io.lvsplay.engine.template.lookup.Lookups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the YAML of a task list into {@link TaskItem}s, checking keywords, the module name and its
 * arguments. Anything wrong is a {@link PlaybookError} with file:line.
 */
public final class TaskParser {

    private static final Set<String> COMMON_KEYS = Set.of(
            "name", "when", "tags", "vars", "become", "become_user", "become_method", "become_flags",
            "delegate_to", "delegate_facts", "run_once", "no_log", "ignore_errors", "ignore_unreachable",
            "check_mode", "diff", "environment", "any_errors_fatal", "collections", "module_defaults",
            "debugger", "throttle", "timeout", "remote_user", "connection", "port");
    private static final Set<String> TASK_KEYS = Set.of(
            "loop", "loop_control",
            "register", "changed_when", "failed_when", "notify", "listen", "args", "until", "retries",
            "delay", "async", "poll", "local_action", "action");
    private static final Set<String> BLOCK_KEYS = Set.of("block", "rescue", "always");

    private static final Set<String> FREE_FORM_KEYS = Set.of("creates", "removes", "chdir", "executable", "warn",
            "stdin", "stdin_add_newline", "strip_empty_ends");

    private static final String WITH = "with_";

    private final ModuleRegistry modules;
    private final PlaybookLoader loader;

    TaskParser(ModuleRegistry modules, PlaybookLoader loader) {
        this.modules = modules;
        this.loader = loader;
    }

    /** Parsing a handler list (Ansible's use_handlers), and how many blocks deep the entry being parsed is. */
    private boolean handlers;
    private int blockDepth;

    /** A task list (pre_tasks, tasks, a task file). */
    List<TaskItem> parseTasks(Object value, YamlDocument doc, Role role, Path baseDir, String section) {
        return inMode(false, () -> parseList(value, doc, role, baseDir, section));
    }

    /** A handler list (a play's handlers, a role's handlers file, a file imported or included there). */
    List<TaskItem> parseHandlers(Object value, YamlDocument doc, Role role, Path baseDir) {
        return inMode(true, () -> parseList(value, doc, role, baseDir, "handlers"));
    }

    private List<TaskItem> inMode(boolean handlerList, java.util.function.Supplier<List<TaskItem>> parse) {
        boolean outerMode = handlers;
        int outerDepth = blockDepth;
        handlers = handlerList;
        blockDepth = 0;
        try {
            return parse.get();
        } finally {
            handlers = outerMode;
            blockDepth = outerDepth;
        }
    }

    private List<TaskItem> parseList(Object value, YamlDocument doc, Role role, Path baseDir, String section) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new PlaybookError(doc.at(value), "'" + section + "' must be a list of tasks, got "
                    + YamlDocument.describe(value));
        }
        List<TaskItem> items = new ArrayList<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> raw)) {
                throw new PlaybookError(doc.at(list), "each entry of '" + section
                        + "' must be a task (a mapping), got: " + entry);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) raw;
            items.addAll(parseItem(map, doc, role, baseDir));
        }
        return items;
    }

    /** A single entry may expand to several items (import_tasks is inlined). */
    private List<TaskItem> parseItem(Map<String, Object> map, YamlDocument doc, Role role, Path baseDir) {
        SourceLocation at = doc.at(map);
        TaskOptions options = options(map, doc);
        if (handlers) {
            HandlerRules.check(map, doc, blockDepth);
        }
        if (map.containsKey("block")) {
            checkKeys(map, doc, union(COMMON_KEYS, union(BLOCK_KEYS, Set.of("notify"))), "block");
            if (map.containsKey("timeout")) {
                // the deadline is a task's (TaskDeadline); a block's would have to reach its tasks
                throw new PlaybookError(doc.at(map, "timeout"), "lvsplay does not support the block keyword 'timeout: "
                        + map.get("timeout") + "' yet; set timeout on the block's tasks");
            }
            List<String> notify = strings(map.get("notify"));
            blockDepth++;
            try {
                return List.of(new Block(options,
                        Inherited.withNotify(parseList(map.get("block"), doc, role, baseDir, "block"), notify),
                        Inherited.withNotify(parseList(map.get("rescue"), doc, role, baseDir, "rescue"), notify),
                        Inherited.withNotify(parseList(map.get("always"), doc, role, baseDir, "always"), notify), at,
                        role));
            } finally {
                blockDepth--;
            }
        }
        for (String key : List.of("import_tasks", "ansible.builtin.import_tasks")) {
            if (map.containsKey(key)) {
                checkKeys(map, doc, union(COMMON_KEYS, Set.of(key, "notify")), key);
                String file = IncludeSpec.parse(key, map.get(key), doc.at(map, key)).file();
                if (file.contains("{{")) {
                    throw new PlaybookError(doc.at(map, key), "import_tasks needs a static path; use include_tasks for '"
                            + file + "'");
                }
                Path path = resolveTaskFile(file, role, baseDir, doc.at(map, key));
                List<TaskItem> imported = Inherited.withNotify(loader.loadFile(path, role, handlers),
                        strings(map.get("notify")));
                return List.of(new Block(options, imported, List.of(), List.of(), at, role));
            }
        }
        for (String key : List.of("include_tasks", "ansible.builtin.include_tasks", "include", "ansible.builtin.include")) {
            if (map.containsKey(key)) {
                checkKeys(map, doc, union(union(COMMON_KEYS, TASK_KEYS), Set.of(key)), key, true);
                IncludeSpec spec = IncludeSpec.parse(key, map.get(key), doc.at(map, key));
                String file = spec.file();
                List<TaskItem> preloaded = null;
                boolean dynamic = !key.endsWith("include") || loader.inDynamicInclude() || file.contains("{{");
                if (!file.contains("{{") && dynamic) {
                    Path found = findTaskFile(file, role, baseDir);
                    preloaded = found == null ? null : loader.preloadDynamic(found, role, handlers);
                } else if (!file.contains("{{")) {
                    // the old include: is static when all its parents are
                    preloaded = loader.loadFile(resolveTaskFile(file, role, baseDir, doc.at(map, key)), role, handlers);
                }
                Object loop = loopOf(map, doc);
                Apply apply = null;
                if (spec.apply() != null) {
                    checkKeys(spec.apply(), doc, union(COMMON_KEYS, Set.of("notify")), key + " apply");
                    apply = new Apply(options(spec.apply(), doc), strings(spec.apply().get("notify")));
                }
                return List.of(new IncludeTasks(options, file, spec.params(), apply, loop, loopVar(map), preloaded,
                        !dynamic, strings(map.get("listen")), at, role));
            }
        }
        for (String key : List.of("import_role", "include_role", "ansible.builtin.import_role",
                "ansible.builtin.include_role")) {
            if (map.containsKey(key)) {
                checkKeys(map, doc, union(union(COMMON_KEYS, TASK_KEYS), Set.of(key)), key, true);
                Object loop = loopOf(map, doc);
                if (loop != null && key.endsWith("import_role")) {
                    throw new PlaybookError(doc.at(map, key), "You cannot use loops on 'import_role' statements."
                            + " You should use 'include_role' instead.");
                }
                RoleIncludeSpec spec = RoleIncludeSpec.parse(key, map.get(key), doc.at(map, key));
                Map<String, String> from = new LinkedHashMap<>();
                spec.from().forEach((kind, name) -> from.put(kind, loader.staticText(name, doc.at(map, key))));
                Role included = loader.loadRole(loader.staticText(spec.name(), doc.at(map, key)), baseDir,
                        doc.at(map, key), from);
                spec.checkArgumentSpecs(included, doc.at(map, key));
                loader.registerIncludedRole(included);
                List<TaskItem> roleTasks = included.tasks();
                Map<String, Object> roleVars = new LinkedHashMap<>(included.vars());
                if (loop != null) {
                    // each loop item runs the role's tasks, as a dynamic include does
                    Block roleBlock = new Block(TaskOptions.empty().withVars(roleVars), roleTasks, List.of(), List.of(), at,
                            included);
                    return List.of(new IncludeTasks(options, included.name(), Map.of(), null, loop, loopVar(map),
                            List.of(roleBlock), false, List.of(), at, included));
                }
                roleVars.putAll(options.vars());
                return List.of(new Block(RoleEntry.withVars(options, roleVars), roleTasks, List.of(), List.of(), at,
                        included, role));
            }
        }
        return List.of(parseTask(map, doc, options, role));
    }

    private Task parseTask(Map<String, Object> map, YamlDocument doc, TaskOptions options, Role role) {
        String moduleKey = null;
        for (String key : map.keySet()) {
            if (COMMON_KEYS.contains(key) || TASK_KEYS.contains(key) || key.startsWith(WITH)) {
                continue;
            }
            if (moduleKey != null) {
                if (modules.knows(key) && modules.knows(moduleKey)) {
                    throw new PlaybookError(doc.at(map, key),
                            "a task runs one module; found both '" + moduleKey + "' and '" + key + "'");
                }
                String unknown = modules.knows(moduleKey) ? key : moduleKey;
                throw new PlaybookError(doc.at(map, unknown), "unknown task keyword '" + unknown + "'");
            }
            moduleKey = key;
        }
        Object moduleValue;
        if (moduleKey == null && (map.containsKey("action") || map.containsKey("local_action"))) {
            String actionKey = map.containsKey("action") ? "action" : "local_action";
            Object action = map.get(actionKey);
            if (action instanceof Map<?, ?> m && m.get("module") != null) {
                moduleKey = String.valueOf(m.get("module"));
                Map<String, Object> rest = new LinkedHashMap<>();
                m.forEach((k, v) -> {
                    if (!"module".equals(k)) {
                        rest.put(String.valueOf(k), v);
                    }
                });
                moduleValue = rest;
            } else {
                String text = String.valueOf(action).trim();
                int space = text.indexOf(' ');
                moduleKey = space < 0 ? text : text.substring(0, space);
                moduleValue = space < 0 ? null : text.substring(space + 1);
            }
            if (actionKey.equals("local_action")) {
                options = options.withDelegateTo("localhost");
            }
        } else {
            moduleValue = moduleKey == null ? null : map.get(moduleKey);
        }
        if (moduleKey == null) {
            throw new PlaybookError(doc.at(map), "no module/action found in task"
                    + (options.name() == null ? "" : " '" + options.name() + "'")
                    + ": add one, e.g. 'ansible.builtin.command: ...'");
        }
        String written = moduleKey;
        if (containsJinja(written)) {
            return templatedAction(map, doc, options, role, written, moduleValue);
        }
        Module module = modules.find(moduleKey).orElseThrow(() -> new PlaybookError(doc.at(map, written),
                LocalPlugins.find(doc.file(), written).map(plugin -> LocalPlugins.refusal(written, plugin))
                        .orElse("couldn't resolve module/action '" + written + "'"
                                + suggestion(modules.suggestionsFor(written)))));
        Map<String, Object> args = moduleArgs(module, moduleValue, map, doc, written);
        if (!args.containsKey(FreeFormArgs.VARIABLE_PARAMS)) {
            // with variable params the arguments are known, and checked, only when the task runs
            validateArgs(module, args, doc, map, written);
        }
        return newTask(map, doc, options, role, module.name(), written, args);
    }

    /**
     * {@code action: "{{ module_to_run }}"}: the module is known only per host at run time, so its
     * arguments are checked then (a string of them is split into k=v pairs here, as Ansible does).
     */
    private Task templatedAction(Map<String, Object> map, YamlDocument doc, TaskOptions options, Role role,
                                 String written, Object moduleValue) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (moduleValue instanceof Map<?, ?> m) {
            m.forEach((k, v) -> args.put(String.valueOf(k), v));
        } else if (moduleValue != null) {
            String text = String.valueOf(moduleValue);
            try {
                args.putAll(FreeFormArgs.parse(text, false, List.of()));
            } catch (IllegalArgumentException e) {
                args.putAll(FreeFormArgs.parse(text, true, List.copyOf(FREE_FORM_KEYS)));
            }
        }
        if (map.get("args") instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> args.putIfAbsent(String.valueOf(k), v));
        }
        return newTask(map, doc, options, role, written, written, args);
    }

    private Task newTask(Map<String, Object> map, YamlDocument doc, TaskOptions options, Role role, String module,
                         String written, Map<String, Object> args) {
        return new Task(options, module, written, args, loopOf(map, doc), loopVar(map), loopLabel(map),
                loopControl(map, "index_var"),
                registerName(map, doc),
                conditions(map.get("changed_when")), conditions(map.get("failed_when")),
                strings(map.get("notify")), strings(map.get("listen")), conditions(map.get("until")),
                map.getOrDefault("retries", 3), map.getOrDefault("delay", 5), map.getOrDefault("async", 0),
                map.getOrDefault("poll", 15), map.getOrDefault("timeout", 0), doc.at(map), role, LoopControl.parse(map, doc));
    }

    private static String suggestion(List<String> names) {
        return names.isEmpty() ? ". Check the spelling, or run 'lvsplay modules' to list the modules lvsplay has."
                : ". Did you mean: " + String.join(", ", names) + "?";
    }

    private Map<String, Object> moduleArgs(Module module, Object value, Map<String, Object> map,
                                           YamlDocument doc, String written) {
        ArgSpec spec = module.argSpec();
        Map<String, Object> args = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> args.put(String.valueOf(k), v));
        } else if (value != null) {
            try {
                List<String> keys = new ArrayList<>(spec.args().keySet());
                if (spec.isFreeForm()) {
                    // like Ansible's parse_kv(check_raw=True): only these are split off a command line
                    keys.retainAll(FREE_FORM_KEYS);
                }
                args.putAll(spec.isFreeForm() ? FreeFormArgs.parse(String.valueOf(value), true, keys)
                        : FreeFormArgs.parseWithVariableParams(String.valueOf(value)));
            } catch (IllegalArgumentException e) {
                throw new PlaybookError(doc.at(map, written), "arguments of '" + written + "': " + e.getMessage()
                        + "; write them as a mapping under the module name");
            }
        }
        if (map.get("args") instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> args.putIfAbsent(String.valueOf(k), v));
        }
        return args;
    }

    private void validateArgs(Module module, Map<String, Object> args, YamlDocument doc,
                              Map<String, Object> map, String written) {
        Set<String> templated = new LinkedHashSet<>();
        args.forEach((k, v) -> {
            if (containsJinja(v)) {
                templated.add(module.argSpec().canonical(k));
            }
        });
        List<String> problems = module.argSpec().validate(written, args, templated);
        if (problems.isEmpty()) {
            return;
        }
        PlaybookError error = new PlaybookError(doc.at(map, written), "invalid arguments for module '" + written + "': "
                + String.join("; ", problems));
        if (refusesFeature(module.argSpec(), args)) {
            throw error;
        }
        // Ansible finds these when the task runs: a task whose failure is handled fails then
        loader.deferArgumentError(doc.at(map), error);
    }

    /** An argument Ansible has and lvsplay does not implement: refused at load time, handled or not. */
    private static boolean refusesFeature(ArgSpec spec, Map<String, Object> args) {
        return args.keySet().stream().anyMatch(k -> spec.notSupported().containsKey(spec.canonical(k)));
    }

    static boolean containsJinja(Object value) {
        if (value instanceof String s) {
            return s.contains("{{") || s.contains("{%");
        }
        if (value instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(TaskParser::containsJinja);
        }
        if (value instanceof List<?> l) {
            return l.stream().anyMatch(TaskParser::containsJinja);
        }
        return false;
    }

    private Path resolveTaskFile(String file, Role role, Path baseDir, SourceLocation at) {
        Path found = findTaskFile(file, role, baseDir);
        if (found == null) {
            throw new PlaybookError(at, "task file '" + file + "' not found; looked in: " + taskFileCandidates(file, role, baseDir));
        }
        return found;
    }

    private Path findTaskFile(String file, Role role, Path baseDir) {
        return taskFileCandidates(file, role, baseDir).stream().filter(Files::isRegularFile).findFirst()
                .map(Path::normalize).orElse(null);
    }

    /**
     * Where an import or include names its file, as Ansible's path_dwim_relative: the role's
     * handlers/ (for a handler list) and tasks/, the including file's folder, then the playbook's.
     */
    private List<Path> taskFileCandidates(String file, Role role, Path baseDir) {
        List<Path> candidates = new ArrayList<>();
        if (role != null) {
            if (handlers) {
                candidates.add(role.dir().resolve("handlers").resolve(file));
            }
            candidates.add(role.dir().resolve("tasks").resolve(file));
        }
        candidates.add(baseDir.resolve(file));
        candidates.add(baseDir.resolve("tasks").resolve(file));
        Path playbookDir = loader.playbookDir();
        if (playbookDir != null && !playbookDir.equals(baseDir)) {
            candidates.add(playbookDir.resolve(handlers ? "handlers" : "tasks").resolve(file));
            candidates.add(playbookDir.resolve(file));
        }
        return candidates;
    }

    private TaskOptions options(Map<String, Object> map, YamlDocument doc) {
        KeywordValues.check(map, doc);
        UnimplementedKeywords.check(map, doc, "task");
        Map<String, Object> varsMap = PlaybookLoader.mapping(map, "vars", doc);
        return new TaskOptions(stringOrNull(map.get("name")), conditions(map.get("when")), strings(map.get("tags")),
                varsMap, boolOrNull(map.get("become")), stringOrNull(map.get("become_user")),
                stringOrNull(map.get("delegate_to")), Boolean.TRUE.equals(boolOrNull(map.get("run_once"))),
                boolOrNull(map.get("no_log")), boolOrNull(map.get("ignore_errors")),
                boolOrNull(map.get("ignore_unreachable")), boolOrNull(map.get("check_mode")),
                boolOrNull(map.get("diff")), EnvironmentKeyword.layers(map, doc), map.get("throttle"), map.get("any_errors_fatal"),
                stringOrNull(map.get("connection")), DeferredFlags.of(map));
    }

    private void checkKeys(Map<String, Object> map, YamlDocument doc, Set<String> allowed, String what) {
        checkKeys(map, doc, allowed, what, false);
    }

    private void checkKeys(Map<String, Object> map, YamlDocument doc, Set<String> allowed, String what,
                           boolean loops) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key) && !(loops && key.startsWith(WITH))) {
                throw new PlaybookError(doc.at(map, key), "'" + key + "' is not a valid keyword for " + what);
            }
        }
    }

    /**
     * The task's loop: {@code loop:} as written (a list, or a template giving one), or a
     * {@link WithLookup} for {@code with_NAME:}. Only one of them; an unknown lookup is refused here.
     */
    private Object loopOf(Map<String, Object> map, YamlDocument doc) {
        List<String> loops = map.keySet().stream().filter(k -> k.equals("loop") || k.startsWith(WITH)).toList();
        if (loops.size() > 1) {
            throw new PlaybookError(doc.at(map, loops.get(1)), "a task has one loop; found both '"
                    + loops.get(0) + "' and '" + loops.get(1) + "'");
        }
        if (loops.isEmpty()) {
            return null;
        }
        String key = loops.get(0);
        Object value = map.get(key);
        if (key.equals("loop")) {
            if (!(value instanceof List<?>) && !(value instanceof String s && containsJinja(s))) {
                throw new PlaybookError(doc.at(map, key), "'loop' must be a list or a template that gives one"
                        + " (got " + YamlDocument.describe(value) + ")");
            }
            return value;
        }
        String lookup = key.substring(WITH.length());
        Lookups.problem(lookup).ifPresent(problem -> {
            throw new PlaybookError(doc.at(map, key), "'" + key + "': " + problem);
        });
        return new WithLookup(lookup, value);
    }

    private static String loopVar(Map<String, Object> map) {
        if (map.get("loop_control") instanceof Map<?, ?> control && control.get("loop_var") != null) {
            return String.valueOf(control.get("loop_var"));
        }
        return "item";
    }

    private static String loopControl(Map<String, Object> map, String key) {
        if (map.get("loop_control") instanceof Map<?, ?> control && control.get(key) != null) {
            return String.valueOf(control.get(key));
        }
        return null;
    }

    private static String loopLabel(Map<String, Object> map) {
        if (map.get("loop_control") instanceof Map<?, ?> control && control.get("label") != null) {
            return String.valueOf(control.get("label"));
        }
        return null;
    }

    /** {@code with_NAME: terms}: the items are the lookup NAME's list for those terms. */
    public record WithLookup(String lookup, Object terms) {}

    static List<String> conditions(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            list.forEach(v -> out.add(conditionText(v)));
            return out;
        }
        return List.of(conditionText(value));
    }

    private static String conditionText(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(v);
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        String text = String.valueOf(value);
        if (text.contains(",") && !text.contains("{{")) {
            return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return List.of(text);
    }

    /** register names a variable: Ansible refuses anything that is not a Python identifier. */
    private static String registerName(Map<String, Object> map, YamlDocument doc) {
        String name = stringOrNull(map.get("register"));
        if (name != null && (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || PYTHON_KEYWORDS.contains(name))) {
            throw new PlaybookError(doc.at(map, "register"), "Invalid variable name in 'register' specified: '" + name + "'");
        }
        return name;
    }

    private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");

    static String stringOrNull(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static Boolean boolOrNull(Object value) {
        if (value == null) {
            return null;
        }
        return io.lvsplay.engine.module.ModuleArgs.toBool(value);
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
