package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.IncludeTasks;
import io.lvsplay.engine.playbook.TaskItem;
import io.lvsplay.engine.template.TemplateError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * include_tasks (dynamic): decides per host whether and which file to include, then runs the file's
 * tasks on the hosts that chose it, once per loop item when the include loops.
 */
final class IncludeRunner {
    private final PlayContext ctx;
    private final TaskListRunner tasks;
    private final HostFanout fanout;

    IncludeRunner(PlayContext ctx, TaskListRunner tasks, HostFanout fanout) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.fanout = fanout;
    }

    /** What runs the included tasks on the hosts that include them. */
    interface Body {
        void run(List<TaskItem> items, List<HostState> hosts, Scope scope);
    }

    void run(IncludeTasks include, List<HostState> hosts, Scope outer, boolean serialHosts) {
        run(include, hosts, outer, false, (items, on, scope) -> tasks.run(items, on, scope, serialHosts));
    }

    /** {@code handlers}: the include is a handler, so the file is read as a handler list. */
    void run(IncludeTasks include, List<HostState> hosts, Scope outer, boolean handlers, Body body) {
        Scope scope = outer.enterInclude(include.options(), Map.of());
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        Map<String, List<HostState>> byFile = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> loopsByHost = new LinkedHashMap<>();
        for (HostState host : hosts) {
            Map<String, Object> vars = ctx.varsBuilder().build(host, scope.vars(host.name));
            try {
                if (!Conditions.allHold(ctx.templar(), scope.conditions(), vars, include.location() + " (when)")) {
                    continue;
                }
                String file = String.valueOf(ctx.templar().template(include.file(), vars, include.location().toString()));
                @SuppressWarnings("unchecked")
                Map<String, Object> templated = (Map<String, Object>) ctx.templar().template(include.params(), vars,
                        include.location().toString());
                params.put(host.name, templated);
                byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(host);
                if (include.loop() != null) {
                    List<Object> items = LoopItems.evaluate(include.loop(), ctx.templar(), vars, include.location().toString());
                    List<Map<String, Object>> itemVars = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        Map<String, Object> v = new LinkedHashMap<>();
                        v.put(include.loopVar(), items.get(i));
                        v.put("ansible_loop_var", include.loopVar());
                        v.put("ansible_loop", LoopDriver.loopInfo(items, i));
                        itemVars.add(v);
                    }
                    loopsByHost.put(host.name, itemVars);
                }
            } catch (TemplateError e) {
                fanout.record(TaskResult.failure(host.name, e.getMessage()), host);
            }
        }
        // a static include's key=value params are task vars; a dynamic one's rank with its vars
        scope = include.isStatic() ? outer.enterInclude(include.options(), Map.of()).withHostVars(params)
                : outer.enterInclude(include.options(), params);
        for (Map.Entry<String, List<HostState>> entry : byFile.entrySet()) {
            List<TaskItem> items = include.preloaded() != null ? include.preloaded()
                    : load(entry.getKey(), include, handlers);
            if (items == null) {
                // as Ansible: a file that is not there fails the hosts that include it (one that does
                // not parse ends the run)
                String reason = "Could not find or access '" + entry.getKey() + "' on the Ansible Controller.";
                entry.getValue().forEach(h -> fanout.record(TaskResult.failure(h.name, reason), h));
                continue;
            }
            if (include.apply() != null) {
                items = include.apply().wrap(items, include.location(), include.role());
            }
            if (include.loop() == null) {
                body.run(items, entry.getValue(), scope);
                continue;
            }
            int rounds = entry.getValue().stream().mapToInt(h -> loopsByHost.getOrDefault(h.name, List.of()).size())
                    .max().orElse(0);
            for (int i = 0; i < rounds; i++) {
                Map<String, Map<String, Object>> perHost = new LinkedHashMap<>();
                List<HostState> roundHosts = new ArrayList<>();
                for (HostState h : entry.getValue()) {
                    List<Map<String, Object>> hostItems = loopsByHost.getOrDefault(h.name, List.of());
                    if (i < hostItems.size()) {
                        perHost.put(h.name, hostItems.get(i));
                        roundHosts.add(h);
                    }
                }
                body.run(items, roundHosts, scope.withHostVars(perHost));
            }
        }
    }

    /** The included file's tasks (handlers), or null when no such file is found. */
    private List<TaskItem> load(String file, IncludeTasks include, boolean handlers) {
        List<Path> candidates = new ArrayList<>();
        if (include.role() != null) {
            candidates.add(include.role().dir().resolve("tasks").resolve(file));
        }
        Path base = include.location().file() == null ? ctx.play().baseDir() : include.location().file().getParent();
        candidates.add(base.resolve(file));
        candidates.add(ctx.play().baseDir().resolve(file));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return handlers ? ctx.loader().loadIncludedHandlers(p, include.role())
                        : ctx.loader().loadIncludedTasks(p, include.role());
            }
        }
        return null;
    }
}
