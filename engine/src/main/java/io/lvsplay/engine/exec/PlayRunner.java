package io.lvsplay.engine.exec;

import io.lvsplay.engine.facts.FactGatherer;
import io.lvsplay.engine.inventory.Inventory;
import io.lvsplay.engine.module.ModuleRegistry;
import io.lvsplay.engine.playbook.Block;
import io.lvsplay.engine.playbook.IncludeTasks;
import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.PlaybookError;
import io.lvsplay.engine.playbook.PlaybookLoader;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskItem;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import io.lvsplay.engine.transport.TransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one play: host batches (serial), fact gathering, pre_tasks / roles+tasks / post_tasks with
 * handler flushes between them, blocks with rescue/always, includes; linear or free strategy.
 * Hosts run in parallel on the shared fork pool; each task on each host goes through {@link TaskRunner}.
 */
final class PlayRunner {
    private final Play play;
    private final Inventory inventory;
    private final ModuleRegistry modules;
    private final Templar templar;
    private final ConnectionPool connections;
    private final RunOptions options;
    private final RunListener listener;
    private final ExecutorService forks;
    private final Map<String, HostState> states;
    private final PlaybookLoader loader;
    private final TaskFilter filter;
    private VarsBuilder varsBuilder;
    /** any_errors_fatal fired: the whole run stops after this play. */
    private boolean aborted;
    private TaskRunner taskRunner;

    PlayRunner(Play play, Inventory inventory, ModuleRegistry modules, Templar templar, ConnectionPool connections,
               RunOptions options, RunListener listener, ExecutorService forks, Map<String, HostState> states,
               PlaybookLoader loader, TaskFilter filter) {
        this.play = play;
        this.inventory = inventory;
        this.modules = modules;
        this.templar = templar;
        this.connections = connections;
        this.options = options;
        this.listener = listener;
        this.forks = forks;
        this.states = states;
        this.loader = loader;
        this.filter = filter;
    }

    /** Runs the play; false when every host failed, which ends the whole run as in Ansible. */
    boolean run(List<String> hosts) {
        if (hosts.isEmpty()) {
            listener.playStarted(play, hosts);
            listener.warning("no hosts matched the pattern '" + play.hosts() + "': skipping this play");
            return true;
        }
        varsBuilder = new VarsBuilder(inventory, states, options, play, hosts);
        taskRunner = new TaskRunner(modules, templar, connections, options, varsBuilder, states, play.baseDir());
        for (List<String> batch : batches(hosts)) {
            // like ansible-playbook, each serial batch gets its own PLAY banner
            listener.playStarted(play, batch);
            List<HostState> batchStates = batch.stream().map(states::get).toList();
            batchStates.forEach(h -> h.ended = false);
            if (play.gatherFacts()) {
                gatherFacts(batchStates);
            }
            Scope scope = Scope.of(play.options());
            runSection(play.preTasks(), batchStates, scope);
            flushHandlers(batchStates, scope);
            runSection(play.tasks(), batchStates, scope);
            flushHandlers(batchStates, scope);
            runSection(play.postTasks(), batchStates, scope);
            flushHandlers(batchStates, scope);
            if (aborted) {
                listener.noHostsLeft();
                return false;
            }
            if (batchStates.stream().noneMatch(HostState::active) && !batchStates.stream().allMatch(h -> h.ended)) {
                listener.noHostsLeft();
                return false;
            }
        }
        return true;
    }

    private List<List<String>> batches(List<String> hosts) {
        if (play.serial().isEmpty()) {
            return List.of(hosts);
        }
        List<List<String>> batches = new ArrayList<>();
        int index = 0;
        int step = 0;
        while (index < hosts.size()) {
            Object spec = play.serial().get(Math.min(step, play.serial().size() - 1));
            String text = String.valueOf(spec).trim();
            int size = text.endsWith("%")
                    ? Math.max(1, (int) (hosts.size() * Double.parseDouble(text.substring(0, text.length() - 1)) / 100))
                    : Integer.parseInt(text);
            size = size <= 0 ? hosts.size() : size;
            batches.add(hosts.subList(index, Math.min(hosts.size(), index + size)));
            index += size;
            step++;
        }
        return batches;
    }

    private void gatherFacts(List<HostState> hosts) {
        listener.taskStarted("Gathering Facts", false);
        FactGatherer gatherer = new FactGatherer();
        forEachHost(hosts, host -> {
            Map<String, Object> vars = varsBuilder.build(host, Map.of());
            try {
                Map<String, Object> facts = gatherer.gather(connections.get(host.name, vars));
                synchronized (host.facts) {
                    host.facts.putAll(facts);
                }
                return new TaskResult(host.name, TaskStatus.OK, false, null, null, Map.of(), List.of(), List.of(), false);
            } catch (TransportException e) {
                connections.markBroken(host.name, e);
                return new TaskResult(host.name, TaskStatus.UNREACHABLE, false, null, null, Map.of("msg", e.getMessage()),
                        List.of(), List.of(), false);
            } catch (TemplateError e) {
                return new TaskResult(host.name, TaskStatus.FAILED, false, null, null, Map.of("msg", e.getMessage()),
                        List.of(), List.of(), false);
            }
        });
    }

    private void runSection(List<TaskItem> items, List<HostState> hosts, Scope scope) {
        if ("free".equals(play.strategy())) {
            List<Future<?>> futures = new ArrayList<>();
            for (HostState host : hosts) {
                futures.add(forks.submit(() -> runItems(items, List.of(host), scope, true)));
            }
            waitAll(futures);
        } else {
            runItems(items, hosts, scope, false);
        }
    }

    /** Runs a task list on the given hosts in order; returns nothing, failures are recorded on the hosts. */
    private void runItems(List<TaskItem> items, List<HostState> hosts, Scope scope, boolean serialHosts) {
        for (TaskItem item : items) {
            List<HostState> active = hosts.stream().filter(HostState::active).toList();
            if (active.isEmpty()) {
                return;
            }
            if (item instanceof Task task) {
                runTask(task, active, scope, false, serialHosts);
            } else if (item instanceof Block block) {
                runBlock(block, active, scope, serialHosts);
            } else if (item instanceof IncludeTasks include) {
                runInclude(include, active, scope, serialHosts);
            }
            if (play.anyErrorsFatal() && active.stream().anyMatch(h -> h.failed || h.unreachable)) {
                states.values().forEach(h -> h.ended = true);
                aborted = true;
                return;
            }
        }
    }

    private void runBlock(Block block, List<HostState> hosts, Scope outer, boolean serialHosts) {
        Scope scope = outer.enter(block.options());
        Set<HostState> failedBefore = new LinkedHashSet<>();
        hosts.stream().filter(h -> h.failed).forEach(failedBefore::add);
        runItems(block.block(), hosts, scope, serialHosts);
        List<HostState> failedInBlock = hosts.stream().filter(h -> h.failed && !failedBefore.contains(h)).toList();
        if (!failedInBlock.isEmpty() && !block.rescue().isEmpty()) {
            // like Ansible: a failure caught by a rescue counts as rescued, not failed, however the rescue ends
            Map<String, Map<String, Object>> failedTask = new LinkedHashMap<>();
            for (HostState h : failedInBlock) {
                h.failed = false;
                h.stats.rescued();
                if (h.lastFailure != null) {
                    failedTask.put(h.name, h.lastFailure);
                }
            }
            runItems(block.rescue(), failedInBlock, scope.withHostVars(failedTask), serialHosts);
        }
        if (!block.always().isEmpty()) {
            List<HostState> always = hosts.stream().filter(h -> !h.unreachable && !h.ended).toList();
            Map<HostState, Boolean> failedState = new LinkedHashMap<>();
            always.forEach(h -> failedState.put(h, h.failed));
            always.forEach(h -> h.failed = false);
            runItems(block.always(), always, scope, serialHosts);
            failedState.forEach((h, wasFailed) -> h.failed = h.failed || wasFailed);
        }
    }

    private void runInclude(IncludeTasks include, List<HostState> hosts, Scope outer, boolean serialHosts) {
        Scope scope = outer.enter(include.options());
        Map<String, List<HostState>> byFile = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> loopsByHost = new LinkedHashMap<>();
        for (HostState host : hosts) {
            Map<String, Object> vars = varsBuilder.build(host, scope.vars(host.name));
            try {
                boolean run = true;
                for (String condition : scope.conditions()) {
                    run &= templar.evaluateCondition(condition, vars, include.location() + " (when)");
                }
                if (!run) {
                    continue;
                }
                String file = String.valueOf(templar.template(include.file(), vars, include.location().toString()));
                byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(host);
                if (include.loop() != null) {
                    List<Map<String, Object>> itemVars = new ArrayList<>();
                    for (Object item : LoopItems.evaluate(include.loop(), templar, vars, include.location().toString())) {
                        itemVars.add(Map.of(include.loopVar(), item));
                    }
                    loopsByHost.put(host.name, itemVars);
                }
            } catch (TemplateError e) {
                record(new TaskResult(host.name, TaskStatus.FAILED, false, null, null, Map.of("msg", e.getMessage()),
                        List.of(), List.of(), false), host);
            }
        }
        for (Map.Entry<String, List<HostState>> entry : byFile.entrySet()) {
            List<TaskItem> items = include.preloaded() != null ? include.preloaded() : loadInclude(entry.getKey(), include);
            if (include.loop() == null) {
                runItems(items, entry.getValue(), scope, serialHosts);
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
                runItems(items, roundHosts, scope.withHostVars(perHost), serialHosts);
            }
        }
    }

    private List<TaskItem> loadInclude(String file, IncludeTasks include) {
        List<Path> candidates = new ArrayList<>();
        if (include.role() != null) {
            candidates.add(include.role().dir().resolve("tasks").resolve(file));
        }
        Path base = include.location().file() == null ? play.baseDir() : include.location().file().getParent();
        candidates.add(base.resolve(file));
        candidates.add(play.baseDir().resolve(file));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return loader.loadIncludedTasks(p, include.role());
            }
        }
        throw new PlaybookError(include.location(), "included task file '" + file + "' not found; looked in: " + candidates);
    }

    private void runTask(Task task, List<HostState> hosts, Scope scope, boolean handler, boolean serialHosts) {
        if (!handler && !filter.selected(task, scope)) {
            return;
        }
        if (task.module().equals("meta")) {
            runMeta(task, hosts, scope);
            return;
        }
        listener.taskStarted(title(task, hosts, scope), handler);
        if (task.options().runOnce() || Boolean.TRUE.equals(scope.chain().stream()
                .map(o -> o.runOnce() ? Boolean.TRUE : null).filter(b -> b != null).findFirst().orElse(null))) {
            HostState first = hosts.get(0);
            TaskResult result = taskRunner.run(task, first, scope);
            record(result, first);
            for (HostState other : hosts.subList(1, hosts.size())) {
                if (result.status() == TaskStatus.FAILED && !result.ignored()) {
                    // the one run stood for every host: its failure fails them all, as in Ansible
                    other.stats.count(result.withHost(other.name));
                    other.failed = true;
                    continue;
                }
                if (task.register() != null) {
                    synchronized (other.runVars) {
                        synchronized (first.runVars) {
                            other.runVars.put(task.register(), first.runVars.get(task.register()));
                        }
                    }
                }
                if (result.changed()) {
                    synchronized (other.notified) {
                        other.notified.addAll(task.notifies());
                    }
                }
            }
            return;
        }
        if (serialHosts || hosts.size() == 1) {
            hosts.forEach(h -> record(taskRunner.run(task, h, scope), h));
            return;
        }
        forEachHost(hosts, h -> taskRunner.run(task, h, scope));
    }

    private String title(Task task, List<HostState> hosts, Scope scope) {
        String name = task.title();
        if (name.contains("{{")) {
            try {
                Map<String, Object> vars = varsBuilder.build(hosts.get(0), scope.vars(hosts.get(0).name));
                name = String.valueOf(templar.template(name, vars, task.location().toString()));
            } catch (TemplateError e) {
                // Ansible shows the raw name when it cannot be templated for the header
            }
        }
        return task.role() != null ? task.role().name() + " : " + name : name;
    }

    private void runMeta(Task task, List<HostState> hosts, Scope scope) {
        String action = String.valueOf(task.args().getOrDefault("_raw_params", "noop")).trim();
        switch (action) {
            case "flush_handlers" -> flushHandlers(hosts, scope);
            case "end_play", "end_batch" -> hosts.forEach(h -> h.ended = true);
            case "end_host" -> hosts.forEach(h -> h.ended = true);
            case "clear_host_errors" -> states.values().forEach(h -> h.failed = false);
            case "clear_facts" -> hosts.forEach(h -> {
                synchronized (h.facts) {
                    h.facts.clear();
                }
            });
            default -> {
                if (!MetaModule.ACTIONS.contains(action)) {
                    throw new PlaybookError(task.location(), "unknown meta action '" + action + "'; known: " + MetaModule.ACTIONS);
                }
            }
        }
    }

    private void flushHandlers(List<HostState> hosts, Scope scope) {
        for (TaskItem item : play.handlers()) {
            if (!(item instanceof Task handler)) {
                continue;
            }
            List<HostState> notified = new ArrayList<>();
            for (HostState host : hosts) {
                if (!host.active()) {
                    continue;
                }
                synchronized (host.notified) {
                    if (matches(handler, host.notified)) {
                        notified.add(host);
                    }
                }
            }
            if (notified.isEmpty()) {
                continue;
            }
            runTask(handler, notified, scope, true, false);
            for (HostState host : notified) {
                synchronized (host.notified) {
                    host.notified.remove(handler.options().name());
                    host.notified.removeAll(handler.listen());
                    if (handler.role() != null) {
                        host.notified.remove(handler.role().name() + " : " + handler.options().name());
                    }
                }
            }
        }
    }

    private static boolean matches(Task handler, Set<String> notified) {
        String name = handler.options().name();
        if (name != null && notified.contains(name)) {
            return true;
        }
        if (name != null && handler.role() != null && notified.contains(handler.role().name() + " : " + name)) {
            return true;
        }
        return handler.listen().stream().anyMatch(notified::contains);
    }

    /** Runs one action per host on the fork pool and reports results in inventory order. */
    private void forEachHost(List<HostState> hosts, Function<HostState, TaskResult> action) {
        List<Future<TaskResult>> futures = new ArrayList<>();
        for (HostState host : hosts) {
            futures.add(forks.submit(() -> action.apply(host)));
        }
        for (int i = 0; i < hosts.size(); i++) {
            try {
                record(futures.get(i).get(), hosts.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof PlaybookError pe) {
                    throw pe;
                }
                record(new TaskResult(hosts.get(i).name, TaskStatus.FAILED, false, null, null,
                        Map.of("msg", "internal error: " + cause), List.of(), List.of(), false), hosts.get(i));
            }
        }
    }

    private void record(TaskResult result, HostState host) {
        host.stats.count(result);
        if (result.status() == TaskStatus.UNREACHABLE) {
            host.unreachable = true;
        } else if (result.status() == TaskStatus.FAILED && !result.ignored()) {
            host.failed = true;
        }
        listener.hostResult(result);
    }

    private static void waitAll(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
