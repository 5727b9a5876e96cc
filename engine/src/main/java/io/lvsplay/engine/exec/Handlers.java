package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Block;
import io.lvsplay.engine.playbook.IncludeTasks;
import io.lvsplay.engine.playbook.PlaybookError;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskItem;
import java.util.List;

/**
 * A flush: each handler, in the order the handlers are written, runs on the hosts of the flush it
 * was notified for, and that uses up their notification (a handler notified again later runs again at
 * a later flush; one that a later handler notifies runs in the same flush). Handlers run in the
 * play's scope with the keywords of their own handler block. An include_tasks handler runs the file's
 * tasks as handlers right away on the hosts it was notified for; they cannot be notified by name.
 */
final class Handlers {
    private final PlayContext ctx;
    private final TaskListRunner tasks;
    private final IncludeRunner includes;

    Handlers(PlayContext ctx, TaskListRunner tasks, IncludeRunner includes) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.includes = includes;
    }

    void flush(List<HostState> hosts) {
        flush(hosts, List.of());
    }

    /**
     * {@code forced}: hosts that failed but still run their notified handlers (force_handlers: the
     * hosts that failed in the section just ended).
     */
    void flush(List<HostState> hosts, List<HostState> forced) {
        Scope play = Scope.of(ctx.play().options());
        for (PlayHandlers.Handler handler : ctx.handlers().all()) {
            List<HostState> notified = hosts.stream()
                    .filter(h -> (h.active() || forced.contains(h)) && handler.isNotified(h.name)).toList();
            if (notified.isEmpty()) {
                continue;
            }
            try {
                run(handler.item, notified, handler.scope(play), forced);
            } finally {
                // after the run, as Ansible: a handler that notifies itself does not run again
                notified.forEach(h -> handler.ran(h.name));
            }
        }
    }

    private void run(TaskItem item, List<HostState> hosts, Scope scope, List<HostState> forced) {
        if (item instanceof IncludeTasks include) {
            includes.run(include, hosts, scope, true, (items, on, inner) -> runIncluded(items, on, inner, forced));
            return;
        }
        Task handler = (Task) item;
        if ("flush_handlers".equals(String.valueOf(handler.args().get("_raw_params")).trim())
                && handler.module().equals("meta")) {
            throw new PlaybookError(handler.location(), "flush_handlers cannot be used as a handler");
        }
        tasks.dispatch().run(handler, hosts, scope, true, false);
        tasks.checkLimits(handler, scope, hosts);
    }

    /** The tasks of an include handler, each a handler of the hosts still running (or forced). */
    private void runIncluded(List<TaskItem> items, List<HostState> hosts, Scope scope, List<HostState> forced) {
        for (TaskItem item : items) {
            List<HostState> left = hosts.stream().filter(h -> h.active() || forced.contains(h) && !h.unreachable)
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            if (item instanceof Block block) {
                runIncluded(block.block(), left, scope.enter(block.options()), forced);
            } else {
                run(item, left, scope, forced);
            }
        }
    }
}
