package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.playbook.Block;
import io.lvsplay.engine.playbook.IncludeTasks;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskItem;
import io.lvsplay.engine.playbook.TaskOptions;
import java.util.List;

/**
 * Walks a task list on a set of hosts: tasks, blocks and includes in order, linear or free strategy,
 * and stops everything when any_errors_fatal fires.
 */
final class TaskListRunner {
    private final PlayContext ctx;
    private final HostFanout fanout;
    private final TaskDispatch dispatch;
    private final BlockRunner blocks;
    private final IncludeRunner includes;
    private final Handlers handlers;
    private final FailureLimits limits;
    /** The serial batch the current section runs on (max_fail_percentage counts over it). */
    private volatile List<HostState> batch = List.of();
    /** any_errors_fatal fired: the whole run stops after this play. */
    private volatile boolean aborted;
    /** meta: end_play: no further batch of this play runs. */
    private volatile boolean playEnded;

    TaskListRunner(PlayContext ctx) {
        this.ctx = ctx;
        this.fanout = new HostFanout(ctx.forks(), ctx.listener());
        this.limits = new FailureLimits(ctx);
        this.dispatch = new TaskDispatch(ctx, fanout, new MetaActions(ctx, this));
        this.blocks = new BlockRunner(this);
        this.includes = new IncludeRunner(ctx, this, fanout);
        this.handlers = new Handlers(ctx, this, includes);
    }

    Handlers handlers() {
        return handlers;
    }

    TaskDispatch dispatch() {
        return dispatch;
    }

    boolean aborted() {
        return aborted;
    }

    boolean playEnded() {
        return playEnded;
    }

    void endPlay() {
        playEnded = true;
    }

    void runSection(List<TaskItem> items, List<HostState> hosts, Scope scope) {
        batch = hosts;
        if (ctx.settings().free()) {
            fanout.forEachHostFree(hosts, host -> run(items, List.of(host), scope, true));
        } else {
            run(items, hosts, scope, false);
        }
    }

    /** Runs a task list on the given hosts in order; failures are recorded on the hosts. */
    void run(List<TaskItem> items, List<HostState> hosts, Scope scope, boolean serialHosts) {
        for (TaskItem item : items) {
            List<HostState> active = hosts.stream().filter(HostState::active).toList();
            if (active.isEmpty()) {
                return;
            }
            if (serialHosts && item instanceof Task && Boolean.TRUE.equals(ModuleArgs.toBool(
                    String.valueOf(scope.resolve(item.options(), TaskOptions::anyErrorsFatal))))) {
                ctx.listener().warning("Using any_errors_fatal with the free strategy is not supported, as tasks are"
                        + " executed independently on each host");
            }
            if (item instanceof Task task) {
                dispatch.run(task, active, scope, false, serialHosts);
            } else if (item instanceof Block block) {
                blocks.run(block, active, scope, serialHosts);
            } else if (item instanceof IncludeTasks include) {
                includes.run(include, active, scope, serialHosts);
            }
            if (!(item instanceof Block) && !serialHosts) {
                checkLimits(item, scope, active);
            }
        }
    }

    /** After {@code item} ran on {@code ran}: any_errors_fatal or max_fail_percentage may break the play. */
    void checkLimits(TaskItem item, Scope scope, List<HostState> ran) {
        if (limits.breaksPlay(item.options(), scope, ran, batch)) {
            abort();
        }
    }

    /** any_errors_fatal or max_fail_percentage fired: the batch's hosts stop, and no later play runs. */
    void abort() {
        FailureLimits.breakPlay(batch);
        aborted = true;
    }
}
