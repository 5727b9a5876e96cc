package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Block;
import io.lvsplay.engine.playbook.IncludeTasks;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskItem;
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
    /** any_errors_fatal fired: the whole run stops after this play. */
    private volatile boolean aborted;
    /** meta: end_play: no further batch of this play runs. */
    private volatile boolean playEnded;

    TaskListRunner(PlayContext ctx) {
        this.ctx = ctx;
        this.fanout = new HostFanout(ctx.forks(), ctx.listener());
        this.handlers = new Handlers(ctx, this);
        this.dispatch = new TaskDispatch(ctx, fanout, new MetaActions(ctx, this));
        this.blocks = new BlockRunner(this);
        this.includes = new IncludeRunner(ctx, this, fanout);
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
        if ("free".equals(ctx.play().strategy())) {
            fanout.forEachHostFree(hosts, host -> run(items, List.of(host), scope, true));
        } else {
            run(items, hosts, scope, false);
        }
    }

    /** Runs a task list on the given hosts in order; failures are recorded on the hosts. */
    void run(List<TaskItem> items, List<HostState> hosts, Scope scope, boolean serialHosts) {
        for (TaskItem item : items) {
            List<HostState> active = hosts.stream().filter(HostState::active).toList();
            if (active.isEmpty() || aborted) {
                return;
            }
            if (item instanceof Task task) {
                dispatch.run(task, active, scope, false, serialHosts);
            } else if (item instanceof Block block) {
                blocks.run(block, active, scope, serialHosts);
            } else if (item instanceof IncludeTasks include) {
                includes.run(include, active, scope, serialHosts);
            }
            if (!aborted && anyErrorsFatal(item, scope) && active.stream().anyMatch(h -> h.failed || h.unreachable)) {
                abort();
                return;
            }
        }
    }

    /** any_errors_fatal on the play, or on the item or an enclosing block. */
    private boolean anyErrorsFatal(TaskItem item, Scope scope) {
        return ctx.play().anyErrorsFatal();
    }

    void abort() {
        ctx.states().values().forEach(h -> h.ended = true);
        aborted = true;
    }
}
