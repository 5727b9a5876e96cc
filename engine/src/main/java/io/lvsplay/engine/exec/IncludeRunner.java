package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.IncludeTasks;
import io.lvsplay.engine.playbook.PlaybookError;
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

    void run(IncludeTasks include, List<HostState> hosts, Scope outer, boolean serialHosts) {
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
            List<TaskItem> items;
            try {
                items = include.preloaded() != null ? include.preloaded() : load(entry.getKey(), include);
            } catch (PlaybookError e) {
                // as Ansible: a dynamic include that does not load fails its hosts when it is reached
                entry.getValue().forEach(h -> fanout.record(TaskResult.failure(h.name, e.getMessage()), h));
                continue;
            }
            if (include.apply() != null) {
                items = include.apply().wrap(items, include.location(), include.role());
            }
            if (include.loop() == null) {
                tasks.run(items, entry.getValue(), scope, serialHosts);
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
                tasks.run(items, roundHosts, scope.withHostVars(perHost), serialHosts);
            }
        }
    }

    private List<TaskItem> load(String file, IncludeTasks include) {
        List<Path> candidates = new ArrayList<>();
        if (include.role() != null) {
            candidates.add(include.role().dir().resolve("tasks").resolve(file));
        }
        Path base = include.location().file() == null ? ctx.play().baseDir() : include.location().file().getParent();
        candidates.add(base.resolve(file));
        candidates.add(ctx.play().baseDir().resolve(file));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return ctx.loader().loadIncludedTasks(p, include.role());
            }
        }
        throw new PlaybookError(include.location(), "included task file '" + file + "' not found; looked in: " + candidates);
    }
}
