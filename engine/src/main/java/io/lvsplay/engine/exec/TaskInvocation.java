package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellRemoteHost;
import io.lvsplay.engine.template.TemplateError;
import io.lvsplay.engine.transport.TransportException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One module call on one host (or its delegate): templated and validated arguments, the
 * connection with become and environment, the module's plan, and applying it unless in check mode.
 */
final class TaskInvocation {
    private final PlayContext ctx;
    private final TaskSettings settings;

    TaskInvocation(PlayContext ctx) {
        this.ctx = ctx;
        this.settings = new TaskSettings(ctx);
    }

    TaskResult invoke(Task task, HostState host, Scope scope, Map<String, Object> vars, String label) {
        Module module = ctx.modules().find(task.module()).orElseThrow();
        Set<Module.Trait> traits = module.traits();
        boolean check = settings.checkMode(task, scope);
        boolean diff = settings.diffMode(task, scope);
        String delegate = null;
        String target = host.name;
        boolean planned = false;
        Plan plan = null;
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            delegate = settings.delegate(task, scope, vars);
            target = delegate != null ? delegate : host.name;
            if (check && !traits.contains(Module.Trait.SUPPORTS_CHECK_MODE)) {
                return result(host, TaskStatus.SKIPPED, delegate, label, Map.of("msg", "skipped, running in check mode"),
                        List.of(), traits);
            }
            Map<String, Object> args = templateArgs(task, vars);
            List<String> problems = module.argSpec().validate(task.moduleAsWritten(), args, Set.of());
            if (!problems.isEmpty()) {
                throw new ModuleFailure("invalid arguments for '" + task.moduleAsWritten() + "': " + String.join("; ", problems));
            }
            RemoteHost remote = null;
            if (!traits.contains(Module.Trait.RUNS_ON_CONTROLLER)) {
                Map<String, Object> targetVars = settings.connectionVars(target.equals(host.name) ? vars : delegateVars(target));
                remote = EnvironmentRemoteHost.of(new ShellRemoteHost(ctx.connections().get(target, targetVars),
                        settings.become(task, scope, vars)), settings.environment(task, scope, vars));
            }
            ExecModuleContext mctx = new ExecModuleContext(remote, host.name, vars, check, diff, ctx.templar(), task.role(),
                    ctx.play().baseDir(), task.location().file() == null ? null : task.location().file().getParent());
            plan = module.plan(new ModuleArgs(args, module.argSpec()), mctx);
            planned = true;
            data.putAll(plan.result());
            if (check && plan.skipInCheckMode() && plan.changesSomething()) {
                data.putIfAbsent("msg", "skipped, running in check mode");
                return result(host, TaskStatus.SKIPPED, delegate, label, data, List.of(), traits);
            }
            if (!check) {
                for (Change change : plan.changes()) {
                    data.putAll(change.action().apply(remote));
                }
            }
            List<Diff> diffs = diff ? plan.changes().stream().map(Change::diff).filter(d -> d != null).toList() : List.of();
            if (!diffs.isEmpty()) {
                // registered like Ansible's result.diff; a secret diff keeps only its headers
                data.put("diff", diffs.stream().map(d -> d.secret()
                        ? Map.<String, Object>of("before_header", d.label(), "after_header", d.label())
                        : Map.<String, Object>of("before_header", d.label(), "after_header", d.label(),
                                "before", d.before() == null ? "" : d.before(), "after", d.after() == null ? "" : d.after()))
                        .toList());
            }
            return result(host, plan.changesSomething() ? TaskStatus.CHANGED : TaskStatus.OK, delegate, label, data, diffs,
                    traits);
        } catch (ModuleFailure e) {
            data.putAll(e.result());
            data.put("msg", e.getMessage());
            // a command that ran and failed did change something (Ansible reports changed=true with rc)
            boolean changed = planned && plan.changesSomething() && e.result().containsKey("rc");
            return new TaskResult(host.name, TaskStatus.FAILED, changed, false, delegate, label, data, List.of(), List.of(),
                    false, traits.contains(Module.Trait.SHOWS_RESULT));
        } catch (TemplateError e) {
            return result(host, TaskStatus.FAILED, delegate, label, Map.of("msg", e.getMessage()), List.of(), traits);
        } catch (TransportException e) {
            ctx.connections().markBroken(target, e);
            return result(host, TaskStatus.UNREACHABLE, delegate, label, Map.of("msg", e.getMessage()), List.of(), traits);
        }
    }

    private static TaskResult result(HostState host, TaskStatus status, String delegate, String label,
                                     Map<String, Object> data, List<Diff> diffs, Set<Module.Trait> traits) {
        return new TaskResult(host.name, status, false, false, delegate, label, data, diffs, List.of(), false,
                traits.contains(Module.Trait.SHOWS_RESULT));
    }

    private Map<String, Object> delegateVars(String target) {
        HostState state = ctx.states().get(target);
        return state != null ? ctx.varsBuilder().build(state, Map.of()) : ctx.varsBuilder().hostView(target);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> templateArgs(Task task, Map<String, Object> vars) {
        Object templated = ctx.templar().template(task.args(), vars, task.location().toString());
        Map<String, Object> args = new LinkedHashMap<>();
        ((Map<String, Object>) templated).forEach((k, v) -> {
            if (!VarsBuilder.OMIT.equals(v)) {
                args.put(k, v);
            }
        });
        return args;
    }
}
