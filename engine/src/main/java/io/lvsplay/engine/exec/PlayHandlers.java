package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Block;
import io.lvsplay.engine.playbook.IncludeTasks;
import io.lvsplay.engine.playbook.Role;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskItem;
import io.lvsplay.engine.playbook.TaskOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The play's handlers in the order a flush runs them, each with the hosts notified for it (Ansible's
 * Handler.notified_hosts). A notification is resolved when it is sent, as in Ansible 2.14: it goes to
 * the handler of that name ({@link HandlerNames}) and to every handler listening to it.
 */
final class PlayHandlers {

    /**
     * One handler: a task or an include_tasks of a handler list, with the options of the handler block
     * or import_tasks around it; {@code group}: handlers loaded together (a role's, the play's own).
     */
    static final class Handler {
        final TaskItem item;
        final List<TaskOptions> enclosing;
        final int group;
        private final Set<String> notified = new LinkedHashSet<>();

        Handler(TaskItem item, List<TaskOptions> enclosing, int group) {
            this.item = item;
            this.enclosing = enclosing;
            this.group = group;
        }

        synchronized void notify(String host) {
            notified.add(host);
        }

        synchronized boolean isNotified(String host) {
            return notified.contains(host);
        }

        /** The handler ran (whatever its outcome) on the host: the host's notification is used up. */
        synchronized void ran(String host) {
            notified.remove(host);
        }

        List<String> listen() {
            return item instanceof Task t ? t.listen() : ((IncludeTasks) item).listen();
        }

        Scope scope(Scope play) {
            Scope scope = play;
            for (TaskOptions options : enclosing) {
                scope = scope.enter(options);
            }
            return scope;
        }
    }

    private final List<Handler> handlers = new ArrayList<>();
    private final HandlerNames names;

    PlayHandlers(List<TaskItem> written, HandlerNames names) {
        this.names = names;
        Role groupRole = null;
        int group = -1;
        for (TaskItem item : written) {
            if (group < 0 || item.role() != groupRole) {
                group++;
                groupRole = item.role();
            }
            add(item, List.of(), group);
        }
    }

    private void add(TaskItem item, List<TaskOptions> enclosing, int group) {
        if (item instanceof Block block) {
            // a block at the top of a handler list, or an import_tasks there: its tasks are the handlers
            List<TaskOptions> inner = new ArrayList<>(enclosing);
            inner.add(block.options());
            block.block().forEach(child -> add(child, List.copyOf(inner), group));
        } else {
            handlers.add(new Handler(item, enclosing, group));
        }
    }

    /** The handlers in the order they run. */
    List<Handler> all() {
        return List.copyOf(handlers);
    }

    /**
     * Notifies the handlers {@code name} stands for on {@code host}: the handler of that name (see
     * {@link HandlerNames#find}) and every handler that listens to it; false when there is none.
     */
    boolean notify(String host, String name) {
        boolean found = false;
        Handler named = names.find(handlers, name);
        if (named != null) {
            named.notify(host);
            found = true;
        }
        for (Handler h : handlers) {
            if (h.listen().contains(name)) {
                h.notify(host);
                found = true;
            }
        }
        return found;
    }

    /** Handlers a flush runs on top of the play's: the tasks of an include that is a handler. */
    static Handler included(TaskItem item, Handler include) {
        return new Handler(item, include.enclosing, include.group);
    }
}
