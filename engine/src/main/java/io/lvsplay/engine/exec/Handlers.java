package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Handlers: tasks notify them by name (or "role : name") or by a listen topic; a flush runs each
 * notified handler once, in the order the handlers are written, on the hosts that notified it.
 */
final class Handlers {
    private final PlayContext ctx;
    private final TaskListRunner tasks;

    Handlers(PlayContext ctx, TaskListRunner tasks) {
        this.ctx = ctx;
        this.tasks = tasks;
    }

    void flush(List<HostState> hosts, Scope scope) {
        flush(hosts, scope, List.of());
    }

    /**
     * {@code forced}: hosts that failed but still run their notified handlers (force_handlers: the
     * hosts that failed in the section just ended).
     */
    void flush(List<HostState> hosts, Scope scope, List<HostState> forced) {
        for (TaskItem item : ctx.play().handlers()) {
            if (!(item instanceof Task handler)) {
                continue;
            }
            List<HostState> notified = new ArrayList<>();
            for (HostState host : hosts) {
                if (!host.active() && !forced.contains(host)) {
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
            tasks.dispatch().run(handler, notified, scope, true, false);
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
}
