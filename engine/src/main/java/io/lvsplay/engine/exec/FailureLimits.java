package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.playbook.TaskOptions;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.List;
import java.util.Map;

/**
 * any_errors_fatal (task, block or play) and the play's max_fail_percentage, checked after each task
 * as Ansible's linear strategy does. A failure a rescue or always catches counts for neither (as in
 * Ansible 2.14). When one fires the play breaks: every host of the batch still running is failed,
 * except hosts inside a rescue or always section, which finish it first; no later play runs.
 */
final class FailureLimits {
    private final PlayContext ctx;

    FailureLimits(PlayContext ctx) {
        this.ctx = ctx;
    }

    /** {@code ran}: the hosts the task was sent to; {@code batch}: every host of this serial batch. */
    boolean breaksPlay(TaskOptions own, Scope scope, List<HostState> ran, List<HostState> batch) {
        if (ran.stream().noneMatch(h -> h.failed && h.caught == 0 || h.unreachable)) {
            return false;
        }
        if (anyErrorsFatal(own, scope, ran.get(0))) {
            return true;
        }
        Double limit = ctx.settings().maxFailPercentage();
        if (limit == null) {
            return false;
        }
        long failed = batch.stream().filter(h -> h.failed && !h.ended && h.caught == 0).count();
        return (double) failed / batch.size() > limit / 100.0;
    }

    /** Fails (and stops) the hosts the break stops: all but those inside, or on their way into, a rescue/always. */
    static void breakPlay(List<HostState> batch) {
        for (HostState h : batch) {
            boolean recovering = h.recovering > 0 || h.failed && h.caught > 0;
            if (!h.unreachable && !h.ended && !recovering) {
                h.failed = true;
                h.ended = true;
            }
        }
    }

    private boolean anyErrorsFatal(TaskOptions own, Scope scope, HostState host) {
        Object value = scope.resolve(own, TaskOptions::anyErrorsFatal);
        if (value == null) {
            return ctx.play().anyErrorsFatal();
        }
        if (Templar.isTemplated(value)) {
            Map<String, Object> vars = ctx.varsBuilder().build(host, scope.vars(host.name));
            try {
                value = ctx.templar().template(value, vars, "any_errors_fatal");
            } catch (TemplateError e) {
                return true;
            }
        }
        return Boolean.TRUE.equals(ModuleArgs.toBool(value));
    }
}
