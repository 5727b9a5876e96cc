package io.lvsplay.engine.exec;

import io.lvsplay.engine.facts.FactGatherer;
import io.lvsplay.engine.template.TemplateError;
import io.lvsplay.engine.transport.TransportException;
import java.util.Map;

/** The implicit "Gathering Facts" task at the start of each batch. */
final class FactGathering {
    private final PlayContext ctx;

    FactGathering(PlayContext ctx) {
        this.ctx = ctx;
    }

    void gather(java.util.List<HostState> hosts) {
        ctx.listener().taskStarted("Gathering Facts", false);
        FactGatherer gatherer = new FactGatherer();
        new HostFanout(ctx.forks(), ctx.listener()).forEachHost(hosts, 0, host -> {
            Map<String, Object> vars = ctx.varsBuilder().build(host, Map.of());
            try {
                Map<String, Object> target = new TaskSettings(ctx).connectionVars(vars, null, Scope.of(ctx.play().options()));
                // the play's environment applies to fact gathering too (ansible_env then shows it)
                Map<String, String> env = EnvironmentValues.template(ctx.templar(), ctx.play().options().environment(),
                        vars, ctx.play().title() + " (environment)");
                var connection = ctx.connections().get(host.name, target);
                long start = System.nanoTime();
                Map<String, Object> facts = gatherer.gather(connection, env);
                ctx.connections().factsTook(host.name, System.nanoTime() - start);
                synchronized (host.facts) {
                    host.facts.putAll(facts);
                }
                return TaskResult.ok(host.name);
            } catch (TransportException e) {
                ctx.connections().markBroken(host.name, e);
                return TaskResult.unreachable(host.name, e.getMessage());
            } catch (TemplateError e) {
                return TaskResult.failure(host.name, e.getMessage());
            }
        });
    }
}
