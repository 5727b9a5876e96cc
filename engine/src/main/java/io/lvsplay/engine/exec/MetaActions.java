package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.PlaybookError;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.template.TemplateError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * meta: the executor's own actions (flush_handlers, end_play, end_host, end_batch, clear_facts,
 * clear_host_errors, refresh_inventory, reset_connection, noop), with Ansible's "META: ..." lines.
 * Only end_host, flush_handlers and noop look at `when` per host; the others run once for all hosts.
 */
final class MetaActions {
    private final PlayContext ctx;
    private final TaskListRunner tasks;

    MetaActions(PlayContext ctx, TaskListRunner tasks) {
        this.ctx = ctx;
        this.tasks = tasks;
    }

    void run(Task task, List<HostState> hosts, Scope scope) {
        String action = String.valueOf(task.args().getOrDefault("_raw_params", "noop")).trim();
        if (!MetaModule.ACTIONS.contains(action)) {
            throw new PlaybookError(task.location(), "unknown meta action '" + action + "'; known: " + MetaModule.ACTIONS);
        }
        List<String> when = new ArrayList<>(scope.conditions());
        when.addAll(task.options().when());
        List<HostState> chosen = new ArrayList<>();
        for (HostState host : hosts) {
            if (holds(task, host, scope, when)) {
                chosen.add(host);
            } else {
                String reason = action + " conditional evaluated to False, continuing execution for " + host.name;
                ctx.listener().meta(reason);
                TaskResult skipped = TaskResult.of(host.name, TaskStatus.SKIPPED, Map.of("skip_reason", reason));
                host.stats.count(skipped);
                ctx.listener().hostResult(skipped);
            }
            if (!perHost(action) && !chosen.isEmpty()) {
                // like Ansible: these act once, for every host, decided by the first host's condition
                chosen = new ArrayList<>(hosts);
                break;
            }
        }
        if (chosen.isEmpty()) {
            return;
        }
        act(action, chosen, hosts, scope);
    }

    private static boolean perHost(String action) {
        return action.equals("end_host") || action.equals("noop") || action.equals("flush_handlers")
                || action.equals("reset_connection");
    }

    private boolean holds(Task task, HostState host, Scope scope, List<String> when) {
        if (when.isEmpty()) {
            return true;
        }
        Map<String, Object> vars = ctx.varsBuilder().build(host, scope.vars(host.name));
        try {
            return Conditions.allHold(ctx.templar(), when, vars, task.location() + " (when)");
        } catch (TemplateError e) {
            throw new PlaybookError(task.location(), e.getMessage());
        }
    }

    private void act(String action, List<HostState> chosen, List<HostState> all, Scope scope) {
        switch (action) {
            case "flush_handlers" -> tasks.handlers().flush(chosen);
            case "end_play" -> {
                ctx.states().values().forEach(h -> h.ended = true);
                tasks.endPlay();
                ctx.listener().meta("ending play");
            }
            case "end_batch" -> {
                all.forEach(h -> h.ended = true);
                ctx.listener().meta("ending batch");
            }
            case "end_host" -> chosen.forEach(h -> {
                h.ended = true;
                ctx.listener().meta("ending play for " + h.name);
            });
            case "clear_host_errors" -> {
                ctx.states().values().forEach(h -> {
                    h.failed = false;
                    h.errorsCleared++;
                });
                ctx.listener().meta("cleared host errors");
            }
            case "clear_facts" -> {
                chosen.forEach(h -> {
                    synchronized (h.facts) {
                        h.facts.clear();
                    }
                });
                ctx.listener().meta("facts cleared");
            }
            case "reset_connection" -> {
                chosen.forEach(h -> ctx.connections().reset(h.name));
                ctx.listener().meta("reset connection");
            }
            case "refresh_inventory" -> ctx.listener().meta("inventory successfully refreshed");
            default -> ctx.listener().meta("noop");
        }
    }
}
