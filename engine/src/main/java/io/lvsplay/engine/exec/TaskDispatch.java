package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.playbook.PlaybookError;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskOptions;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Sends one task to its hosts: the banner, meta actions, run_once (one run stands for all hosts),
 * and otherwise one {@link TaskRunner} run per host on the fork pool.
 */
final class TaskDispatch {
    private final PlayContext ctx;
    private final HostFanout fanout;
    private final MetaActions meta;
    private final TaskRunner taskRunner;
    /** One semaphore per task for throttle under strategy free, shared by the hosts' threads. */
    private final Map<Task, Semaphore> throttles = Collections.synchronizedMap(new IdentityHashMap<>());

    TaskDispatch(PlayContext ctx, HostFanout fanout, MetaActions meta) {
        this.ctx = ctx;
        this.fanout = fanout;
        this.meta = meta;
        this.taskRunner = new TaskRunner(ctx);
    }

    void run(Task task, List<HostState> hosts, Scope scope, boolean handler, boolean serialHosts) {
        if (!handler && !ctx.filter().selected(task, scope, tag -> ctx.templar().template(tag,
                ctx.varsBuilder().build(hosts.get(0), scope.vars(hosts.get(0).name)), task.location() + " (tags)"))) {
            return;
        }
        ctx.listener().taskStarted(title(task, hosts, scope), handler);
        boolean isMeta = ctx.modules().find(task.module()).map(m -> m.traits().contains(Module.Trait.META_ACTION))
                .orElse(false);
        if (isMeta) {
            meta.run(task, hosts, scope);
            return;
        }
        if (runOnce(task, hosts.get(0), scope)) {
            runOnce(task, hosts, scope);
            return;
        }
        boolean bypass = ctx.modules().find(task.module())
                .map(m -> m.traits().contains(Module.Trait.BYPASS_HOST_LOOP)).orElse(false);
        if (bypass) {
            // one run for the task (add_host); unlike run_once its result is the first host's alone, as in Ansible
            fanout.record(taskRunner.run(task, hosts.get(0), scope), hosts.get(0));
            return;
        }
        int throttle = throttle(task, hosts.get(0), scope);
        if (serialHosts && throttle > 0) {
            // strategy free: at most `throttle` hosts run this task at once
            Semaphore slots = throttles.computeIfAbsent(task, t -> new Semaphore(throttle));
            slots.acquireUninterruptibly();
            try {
                hosts.forEach(h -> fanout.record(taskRunner.run(task, h, scope), h));
            } finally {
                slots.release();
            }
            return;
        }
        if (serialHosts || hosts.size() == 1) {
            hosts.forEach(h -> fanout.record(taskRunner.run(task, h, scope), h));
            return;
        }
        fanout.forEachHost(hosts, throttle, h -> taskRunner.run(task, h, scope));
    }

    /** throttle (task, block or play; a template of the host's variables): 0 is no limit. */
    private int throttle(Task task, HostState host, Scope scope) {
        Object value = scope.resolve(task.options(), TaskOptions::throttle);
        if (value == null) {
            return 0;
        }
        Map<String, Object> vars = Templar.isTemplated(value) ? ctx.varsBuilder().build(host, scope.vars(host.name))
                : Map.of();
        try {
            return Math.max(0, KeywordInts.value(ctx.templar(), "throttle", value, 0, vars, task.location().toString()));
        } catch (TemplateError e) {
            throw new PlaybookError(task.location(), "Failed to convert the throttle value to an integer: "
                    + e.getMessage());
        }
    }

    /** run_once, or a template of it rendered with the first host's variables (Ansible's linear strategy). */
    private boolean runOnce(Task task, HostState first, Scope scope) {
        try {
            return Boolean.TRUE.equals(FlagKeywords.resolve(scope, task.options(), "run_once",
                    o -> o.runOnce() ? Boolean.TRUE : null, ctx.templar(),
                    () -> ctx.varsBuilder().build(first, scope.vars(first.name)), task.location().toString()));
        } catch (TemplateError e) {
            throw new PlaybookError(task.location(), e.getMessage());
        }
    }

    private void runOnce(Task task, List<HostState> hosts, Scope scope) {
        HostState first = hosts.get(0);
        TaskResult result = taskRunner.run(task, first, scope);
        fanout.record(result, first);
        for (HostState other : hosts.subList(1, hosts.size())) {
            if (result.status() == TaskStatus.FAILED && !result.ignored()) {
                // the one run stood for every host: its failure fails them all, as in Ansible
                other.stats.count(result.withHost(other.name));
                other.failed = true;
                continue;
            }
            // the result is the first host's: so is its notify, as in Ansible's strategy
            if (task.register() != null) {
                Object registered;
                synchronized (first.runVars) {
                    registered = first.runVars.get(task.register());
                }
                synchronized (other.runVars) {
                    other.runVars.put(task.register(), registered);
                }
            }
        }
    }

    private String title(Task task, List<HostState> hosts, Scope scope) {
        String name = task.title();
        // a templated action is shown as written, like Ansible; a templated name is rendered
        if (task.options().name() != null && name.contains("{{")) {
            try {
                Map<String, Object> vars = ctx.varsBuilder().build(hosts.get(0), scope.vars(hosts.get(0).name));
                name = String.valueOf(ctx.templar().template(name, vars, task.location().toString()));
            } catch (TemplateError e) {
                // Ansible shows the raw name when it cannot be templated for the header
            }
        }
        return task.role() != null ? task.role().name() + " : " + name : name;
    }
}
