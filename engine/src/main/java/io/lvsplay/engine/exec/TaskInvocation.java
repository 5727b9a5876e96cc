package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.playbook.FreeFormArgs;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskOptions;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellRemoteHost;
import io.lvsplay.engine.remote.TaskDeadline;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import io.lvsplay.engine.transport.Connection;
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
    private final AsyncRuns asyncRuns;
    private final TaskArguments arguments;

    TaskInvocation(PlayContext ctx) {
        this.ctx = ctx;
        this.arguments = new TaskArguments(ctx.templar());
        this.settings = new TaskSettings(ctx);
        this.asyncRuns = new AsyncRuns(ctx);
    }

    TaskResult invoke(Task task, HostState host, Scope scope, Map<String, Object> vars, String label) {
        Module module;
        try {
            module = module(task, vars);
        } catch (ModuleFailure | TemplateError e) {
            return TaskResult.failure(host.name, e.getMessage());
        }
        Set<Module.Trait> traits = module.traits();
        String delegate = null;
        String target = host.name;
        boolean check;
        boolean diff;
        try {
            check = settings.checkMode(task, scope, vars);
            diff = settings.diffMode(task, scope, vars);
        } catch (TemplateError e) {
            return TaskResult.failure(host.name, e.getMessage());
        }
        try {
            delegate = settings.delegate(task, scope, vars);
            target = delegate != null ? delegate : host.name;
            if (check && !traits.contains(Module.Trait.SUPPORTS_CHECK_MODE)) {
                return result(host, TaskStatus.SKIPPED, delegate, label, Map.of("msg", "skipped, running in check mode"),
                        List.of(), traits);
            }
            Map<String, Object> args = arguments.valid(task, module, vars);
            Call call = new Call(task, host, module, args, vars, check, diff, delegate, target, label,
                    Boolean.TRUE.equals(FlagKeywords.resolve(scope, task.options(), "no_log", TaskOptions::noLog,
                            ctx.templar(), () -> vars, task.location().toString())));
            int asyncSeconds = KeywordInts.value(ctx.templar(), "async", task.async(), 0, vars, task.location().toString());
            if (traits.contains(Module.Trait.RUNS_ON_CONTROLLER)) {
                if (asyncSeconds > 0) {
                    throw new ModuleFailure("async is not supported for this task.");
                }
                return execute(call, null, true);
            }
            Map<String, Object> targetVars = settings.connectionVars(target.equals(host.name) ? vars : delegateVars(target),
                    task, scope);
            if (asyncSeconds > 0) {
                if (check) {
                    throw new ModuleFailure("check mode and async cannot be used on same task.");
                }
                int poll = KeywordInts.value(ctx.templar(), "poll", task.poll(), 15, vars, task.location().toString());
                Connection own = ctx.connections().openSeparate(target, targetVars);
                RemoteHost remote = remote(own, task, scope, vars);
                return asyncRuns.run(call, asyncSeconds, poll, () -> execute(call, remote, false), own::close);
            }
            return execute(call, remote(ctx.connections().get(target, targetVars), task, scope, vars), true);
        } catch (ModuleFailure e) {
            Map<String, Object> data = new LinkedHashMap<>(e.result());
            data.put("msg", e.getMessage());
            return result(host, TaskStatus.FAILED, delegate, label, data, List.of(), traits);
        } catch (TemplateError e) {
            return result(host, TaskStatus.FAILED, delegate, label, Map.of("msg", e.getMessage()), List.of(), traits);
        } catch (TransportException e) {
            ctx.connections().markBroken(target, e);
            return result(host, TaskStatus.UNREACHABLE, delegate, label, Map.of("msg", e.getMessage()), List.of(), traits);
        }
    }

    /** A host's connection and the commands an invocation's plan will start with on it. */
    record Probed(PrefetchingConnection connection, List<PrefetchingConnection.Read> reads) {
    }

    /**
     * The reads the module declares for this invocation ({@link Module#probes}), as its connection will
     * receive them; empty when it declares none or the invocation would not plan on a host now
     * (runs on the controller, skipped in check mode, async, a timeout, arguments that do not hold).
     * Nothing is sent: only the connection is opened, as the invocation itself would.
     */
    java.util.Optional<Probed> probed(Task task, HostState host, Scope scope, Map<String, Object> vars) {
        try {
            Module module = module(task, vars);
            Set<Module.Trait> traits = module.traits();
            String where = task.location().toString();
            if (traits.contains(Module.Trait.RUNS_ON_CONTROLLER)
                    || KeywordInts.value(ctx.templar(), "timeout", task.timeout(), 0, vars, where) > 0
                    || KeywordInts.value(ctx.templar(), "async", task.async(), 0, vars, where) > 0
                    || settings.checkMode(task, scope, vars) && !traits.contains(Module.Trait.SUPPORTS_CHECK_MODE)) {
                return java.util.Optional.empty();
            }
            var probes = module.probes(new ModuleArgs(arguments.valid(task, module, vars), module.argSpec()));
            if (probes.isEmpty()) {
                return java.util.Optional.empty();
            }
            String delegate = settings.delegate(task, scope, vars);
            String target = delegate != null ? delegate : host.name;
            Map<String, Object> targetVars = settings.connectionVars(target.equals(host.name) ? vars : delegateVars(target),
                    task, scope);
            if (!(ctx.connections().get(target, targetVars) instanceof PrefetchingConnection connection)) {
                return java.util.Optional.empty();
            }
            ReadRecorder recorder = new ReadRecorder(connection.hostName());
            RemoteHost recording = remote(recorder, task, scope, vars);
            List<PrefetchingConnection.Read> reads = probes.stream()
                    .map(p -> recorder.record(() -> p.readOn(recording))).filter(r -> r != null).toList();
            return reads.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Probed(connection, reads));
        } catch (RuntimeException e) {
            // the invocation meets the same problem and reports it
            return java.util.Optional.empty();
        }
    }

    /** One module call, its arguments templated and checked: what {@link #execute} needs. */
    record Call(Task task, HostState host, Module module, Map<String, Object> args, Map<String, Object> vars,
                boolean check, boolean diff, String delegate, String target, String label, boolean noLog) {
    }

    private RemoteHost remote(Connection connection, Task task, Scope scope, Map<String, Object> vars) {
        int timeout = KeywordInts.value(ctx.templar(), "timeout", task.timeout(), 0, vars, task.location().toString());
        ShellRemoteHost shell = new ShellRemoteHost(connection, settings.become(task, scope, vars))
                .withDeadline(timeout > 0 ? TaskDeadline.start(task.moduleAsWritten(), timeout) : null);
        return EnvironmentRemoteHost.of(shell, settings.environment(task, scope, vars));
    }

    /**
     * Plans the module on {@code remote} (null: it runs on the controller) and applies the plan unless
     * checking. {@code shared}: remote is the host's connection, which a transport failure marks broken.
     */
    private TaskResult execute(Call c, RemoteHost remote, boolean shared) {
        Set<Module.Trait> traits = c.module().traits();
        boolean planned = false;
        Plan plan = null;
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            Task task = c.task();
            ExecModuleContext mctx = new ExecModuleContext(remote, c.host().name, c.vars(), c.check(), c.diff(),
                    ctx.templar(), task.role(), ctx.play().baseDir(),
                    task.location().file() == null ? null : task.location().file().getParent(), asyncRuns.jobs(),
                    content -> ctx.listener().fileContent(content, c.noLog()));
            plan = c.module().plan(new ModuleArgs(c.args(), c.module().argSpec()), mctx);
            planned = true;
            if (plan.result().get("ansible_facts") instanceof Map<?, ?> facts) {
                @SuppressWarnings("unchecked")
                Map<String, ?> set = (Map<String, ?>) facts;
                ctx.listener().factsSet(task.args(), set, c.vars());
            }
            data.putAll(plan.result());
            if (!plan.changesSomething() && Boolean.TRUE.equals(plan.result().get("skipped"))) {
                // a module that decided not to run (script's creates/removes): Ansible's skipped result
                return result(c.host(), TaskStatus.SKIPPED, c.delegate(), c.label(), data, List.of(), traits);
            }
            PlannedCommands.report(ctx, c.target(), plan, c.check(), c.noLog());
            if (c.check() && plan.skipInCheckMode() && plan.changesSomething()) {
                data.putIfAbsent("msg", "skipped, running in check mode");
                return result(c.host(), TaskStatus.SKIPPED, c.delegate(), c.label(), data, List.of(), traits);
            }
            if (!c.check()) {
                for (Change change : plan.applied()) {
                    data.putAll(change.apply(remote));
                }
            }
            List<Diff> diffs = c.diff() ? plan.changes().stream().map(Change::diff).filter(d -> d != null).toList()
                    : List.of();
            if (!diffs.isEmpty()) {
                // registered like Ansible's result.diff; a secret diff keeps only its headers
                data.put("diff", diffs.stream().map(d -> d.secret()
                        ? Map.<String, Object>of("before_header", d.label(), "after_header", d.label())
                        : Map.<String, Object>of("before_header", d.label(), "after_header", d.label(),
                                "before", d.before() == null ? "" : d.before(), "after", d.after() == null ? "" : d.after()))
                        .toList());
            }
            return result(c.host(), plan.changesSomething() ? TaskStatus.CHANGED : TaskStatus.OK, c.delegate(), c.label(),
                    data, diffs, traits);
        } catch (ModuleFailure e) {
            data.putAll(e.result());
            data.put("msg", e.getMessage());
            // a command that ran and failed did change something (Ansible reports changed=true with rc)
            boolean changed = planned && plan.changesSomething() && e.result().containsKey("rc");
            return new TaskResult(c.host().name, TaskStatus.FAILED, changed, false, c.delegate(), c.label(), data,
                    List.of(), List.of(), false, traits.contains(Module.Trait.SHOWS_RESULT));
        } catch (TemplateError e) {
            return result(c.host(), TaskStatus.FAILED, c.delegate(), c.label(), Map.of("msg", e.getMessage()), List.of(),
                    traits);
        } catch (TransportException e) {
            if (shared) {
                ctx.connections().markBroken(c.target(), e);
            }
            return result(c.host(), TaskStatus.UNREACHABLE, c.delegate(), c.label(), Map.of("msg", e.getMessage()),
                    List.of(), traits);
        }
    }

    /** The task's module; a templated action ("{{ module_to_run }}") is resolved with this host's variables. */
    private Module module(Task task, Map<String, Object> vars) {
        if (!Templar.isTemplated(task.module())) {
            return ctx.modules().find(task.module()).orElseThrow();
        }
        String name = String.valueOf(ctx.templar().template(task.module(), vars, task.location() + " (action)")).trim();
        Module module = ctx.modules().find(name).orElseThrow(() -> new ModuleFailure("couldn't resolve module/action '"
                + name + "'. This often indicates a misspelling, missing collection, or incorrect module path."));
        if (module.traits().contains(Module.Trait.META_ACTION)) {
            throw new ModuleFailure("lvsplay does not support an action template that gives 'meta'; write meta: directly");
        }
        return module;
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
}
