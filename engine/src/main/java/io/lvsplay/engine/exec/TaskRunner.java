package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.ModuleRegistry;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskOptions;
import io.lvsplay.engine.remote.Become;
import io.lvsplay.engine.remote.ShellRemoteHost;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import io.lvsplay.engine.transport.TransportException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one task on one host: conditions, loop, templating of arguments, the module's plan, applying
 * it (unless --check), changed_when/failed_when, until/retries, register, set_fact, notify.
 */
final class TaskRunner {
    private final ModuleRegistry modules;
    private final Templar templar;
    private final ConnectionPool connections;
    private final RunOptions options;
    private final VarsBuilder varsBuilder;
    private final Map<String, HostState> states;
    private final java.nio.file.Path playbookDir;

    TaskRunner(ModuleRegistry modules, Templar templar, ConnectionPool connections, RunOptions options,
               VarsBuilder varsBuilder, Map<String, HostState> states, java.nio.file.Path playbookDir) {
        this.modules = modules;
        this.templar = templar;
        this.connections = connections;
        this.options = options;
        this.varsBuilder = varsBuilder;
        this.states = states;
        this.playbookDir = playbookDir;
    }

    TaskResult run(Task task, HostState host, Scope scope) {
        Map<String, Object> scopeVars = scope.vars(host.name);
        scopeVars.putAll(task.vars());
        Map<String, Object> vars = varsBuilder.build(host, scopeVars);
        if (task.role() != null) {
            vars.put("role_name", task.role().name());
            vars.put("role_path", task.role().dir().toString());
        }
        List<String> when = new ArrayList<>(scope.conditions());
        when.addAll(task.options().when());
        TaskResult result;
        try {
            if (task.loop() == null) {
                result = conditionsHold(when, vars, task) ? runWithRetries(task, host, scope, vars, null)
                        : skipped(host.name, null, task);
            } else {
                result = runLoop(task, host, scope, vars, when);
            }
        } catch (TemplateError e) {
            result = failure(host.name, e.getMessage(), task);
        }
        return afterRun(task, host, result, scope);
    }

    private TaskResult runLoop(Task task, HostState host, Scope scope, Map<String, Object> vars, List<String> when) {
        List<Object> items = LoopItems.evaluate(task.loop(), templar, vars, task.location().toString());
        List<TaskResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            Map<String, Object> itemVars = new LinkedHashMap<>(vars);
            itemVars.put(task.loopVar(), item);
            itemVars.put("ansible_loop_var", task.loopVar());
            if (task.loopIndexVar() != null) {
                itemVars.put(task.loopIndexVar(), i);
            }
            itemVars.put("ansible_loop", Map.of("index", i + 1, "index0", i, "first", i == 0,
                    "last", i == items.size() - 1, "length", items.size()));
            String label = label(task, itemVars, item);
            TaskResult itemResult;
            try {
                itemResult = conditionsHold(when, itemVars, task) ? runWithRetries(task, host, scope, itemVars, label)
                        : skipped(host.name, label, task);
            } catch (TemplateError e) {
                itemResult = failure(host.name, e.getMessage(), task);
            }
            Map<String, Object> itemData = new LinkedHashMap<>(itemResult.data());
            itemData.put(task.loopVar(), item);
            itemData.put("ansible_loop_var", task.loopVar());
            itemResult = new TaskResult(host.name, itemResult.status(), itemResult.ignored(), itemResult.delegatedTo(),
                    label, itemData, itemResult.diffs(), List.of(), itemResult.noLog());
            itemResult = applyResultConditions(task, itemResult, itemVars, true);
            results.add(itemResult);
            // set_fact in a loop: later items see what earlier ones set, as in Ansible
            if (itemResult.status() != TaskStatus.FAILED && itemResult.data().get("ansible_facts") instanceof Map<?, ?> facts) {
                facts.forEach((k, v) -> vars.put(String.valueOf(k), v));
            }
            if (itemResult.status() == TaskStatus.UNREACHABLE) {
                break;
            }
        }
        return aggregate(host.name, task, results);
    }

    private static TaskResult aggregate(String host, Task task, List<TaskResult> results) {
        TaskStatus status;
        if (results.stream().anyMatch(r -> r.status() == TaskStatus.UNREACHABLE)) {
            status = TaskStatus.UNREACHABLE;
        } else if (results.stream().anyMatch(r -> r.status() == TaskStatus.FAILED)) {
            status = TaskStatus.FAILED;
        } else if (!results.isEmpty() && results.stream().allMatch(r -> r.status() == TaskStatus.SKIPPED)) {
            status = TaskStatus.SKIPPED;
        } else if (results.stream().anyMatch(r -> r.status() == TaskStatus.CHANGED)) {
            status = TaskStatus.CHANGED;
        } else if (results.isEmpty()) {
            status = TaskStatus.SKIPPED;
        } else {
            status = TaskStatus.OK;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("msg", status == TaskStatus.FAILED ? "One or more items failed" : "All items completed");
        if (results.isEmpty()) {
            data.put("skipped_reason", "No items in the list");
        }
        List<Diff> diffs = new ArrayList<>();
        results.forEach(r -> diffs.addAll(r.diffs()));
        return new TaskResult(host, status, false, null, null, data, diffs, results, isNoLog(task));
    }

    private String label(Task task, Map<String, Object> vars, Object item) {
        if (task.loopLabel() != null) {
            return String.valueOf(templar.template(task.loopLabel(), vars, task.location().toString()));
        }
        return io.lvsplay.engine.output.JsonText.compact(item);
    }

    private boolean conditionsHold(List<String> when, Map<String, Object> vars, Task task) {
        for (String condition : when) {
            if (!templar.evaluateCondition(condition, vars, task.location() + " (when)")) {
                return false;
            }
        }
        return true;
    }

    private TaskResult runWithRetries(Task task, HostState host, Scope scope, Map<String, Object> vars, String label) {
        int attempts = task.until().isEmpty() ? 1 : Math.max(1, task.retries() + 1);
        TaskResult result = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            result = runOnce(task, host, scope, vars, label);
            if (task.until().isEmpty() || result.status() == TaskStatus.UNREACHABLE) {
                return result;
            }
            Map<String, Object> data = new LinkedHashMap<>(result.data());
            data.put("attempts", attempt);
            result = new TaskResult(result.host(), result.status(), result.ignored(), result.delegatedTo(),
                    result.itemLabel(), data, result.diffs(), result.items(), result.noLog());
            Map<String, Object> check = new LinkedHashMap<>(vars);
            if (task.register() != null) {
                check.put(task.register(), result.registered());
            }
            boolean done = true;
            for (String condition : task.until()) {
                done &= templar.evaluateCondition(condition, check, task.location() + " (until)");
            }
            if (done) {
                return result;
            }
            if (attempt < attempts) {
                sleep(task.delaySeconds());
            }
        }
        Map<String, Object> data = new LinkedHashMap<>(result.data());
        data.put("msg", "Task failed after " + attempts + " attempts (until condition never held)"
                + (result.msg() == null ? "" : ": " + result.msg()));
        return new TaskResult(result.host(), TaskStatus.FAILED, false, result.delegatedTo(), result.itemLabel(),
                data, result.diffs(), result.items(), result.noLog());
    }

    private TaskResult runOnce(Task task, HostState host, Scope scope, Map<String, Object> vars, String label) {
        Module module = modules.find(task.module()).orElseThrow();
        boolean check = effectiveCheck(task, scope);
        boolean diff = Boolean.TRUE.equals(scope.resolve(task.options(), TaskOptions::diff)) || options.diff();
        String delegate = delegateOf(task, scope, vars);
        String target = delegate != null ? delegate : host.name;
        boolean planned = false;
        Plan plan = null;
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            Map<String, Object> args = templateArgs(task, vars, module.argSpec());
            List<String> problems = module.argSpec().validate(task.moduleAsWritten(), args, java.util.Set.of());
            if (!problems.isEmpty()) {
                throw new ModuleFailure("invalid arguments for '" + task.moduleAsWritten() + "': " + String.join("; ", problems));
            }
            ShellRemoteHost remote = null;
            if (module.needsConnection()) {
                Map<String, Object> targetVars = target.equals(host.name) ? vars : delegateVars(target);
                remote = new ShellRemoteHost(connections.get(target, targetVars),
                        become(task, scope, vars));
            }
            ExecModuleContext ctx = new ExecModuleContext(remote, host.name, vars, check, diff, templar, task.role(),
                    playbookDir, task.location().file() == null ? null : task.location().file().getParent());
            plan = module.plan(new ModuleArgs(args, module.argSpec()), ctx);
            planned = true;
            data.putAll(plan.result());
            if (task.module().equals("debug")) {
                data.put("_lvsplay_show", true);
            }
            if (check && plan.skipInCheckMode() && plan.changesSomething()) {
                data.put("msg", "skipped, running in check mode");
                return new TaskResult(host.name, TaskStatus.SKIPPED, false, delegate, label, data, List.of(), List.of(),
                        isNoLog(task));
            }
            if (!check) {
                for (Change change : plan.changes()) {
                    data.putAll(change.action().apply(remote));
                }
            }
            List<Diff> diffs = diff ? plan.changes().stream().map(Change::diff).filter(d -> d != null).toList() : List.of();
            TaskStatus status = plan.changesSomething() ? TaskStatus.CHANGED : TaskStatus.OK;
            return new TaskResult(host.name, status, false, delegate, label, data, diffs, List.of(), isNoLog(task));
        } catch (ModuleFailure e) {
            data.putAll(e.result());
            data.put("msg", e.getMessage());
            // a command that ran and failed did change something (Ansible reports changed=true with rc)
            boolean changed = planned && plan.changesSomething() && e.result().containsKey("rc");
            data.put("_lvsplay_changed", changed);
            return new TaskResult(host.name, TaskStatus.FAILED, false, delegate, label, data, List.of(), List.of(),
                    isNoLog(task));
        } catch (TemplateError e) {
            return new TaskResult(host.name, TaskStatus.FAILED, false, delegate, label, Map.of("msg", e.getMessage()),
                    List.of(), List.of(), isNoLog(task));
        } catch (TransportException e) {
            connections.markBroken(target, e);
            return new TaskResult(host.name, TaskStatus.UNREACHABLE, false, delegate, label,
                    Map.of("msg", e.getMessage()), List.of(), List.of(), isNoLog(task));
        }
    }

    private boolean effectiveCheck(Task task, Scope scope) {
        Boolean forced = scope.resolve(task.options(), TaskOptions::checkMode);
        return forced != null ? forced : options.check();
    }

    private String delegateOf(Task task, Scope scope, Map<String, Object> vars) {
        String delegate = scope.resolve(task.options(), TaskOptions::delegateTo);
        if (delegate == null) {
            return null;
        }
        return String.valueOf(templar.template(delegate, vars, task.location() + " (delegate_to)"));
    }

    private Map<String, Object> delegateVars(String target) {
        HostState state = states.get(target);
        return state != null ? varsBuilder.build(state, Map.of()) : varsBuilder.hostView(target);
    }

    private Become become(Task task, Scope scope, Map<String, Object> vars) {
        Boolean enabled = scope.resolve(task.options(), TaskOptions::become);
        if (enabled == null) {
            enabled = options.become() || truthy(vars.get("ansible_become"));
        }
        if (!enabled) {
            return Become.NONE;
        }
        String user = scope.resolve(task.options(), TaskOptions::becomeUser);
        if (user == null) {
            user = options.becomeUser() != null ? options.becomeUser()
                    : vars.get("ansible_become_user") != null ? String.valueOf(vars.get("ansible_become_user")) : "root";
        }
        Object pw = vars.get("ansible_become_password");
        if (pw == null) {
            pw = vars.get("ansible_become_pass");
        }
        String password = options.becomePassword() != null ? options.becomePassword()
                : pw == null ? null : String.valueOf(templar.template(pw, vars, "ansible_become_password"));
        return Become.as(String.valueOf(templar.template(user, vars, "become_user")), password);
    }

    private static boolean truthy(Object value) {
        return value != null && Boolean.TRUE.equals(ModuleArgs.toBool(value));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> templateArgs(Task task, Map<String, Object> vars, ArgSpec spec) {
        Object templated = templar.template(task.args(), vars, task.location().toString());
        Map<String, Object> args = new LinkedHashMap<>();
        ((Map<String, Object>) templated).forEach((k, v) -> {
            if (!VarsBuilder.OMIT.equals(v)) {
                args.put(k, v);
            }
        });
        return args;
    }

    private TaskResult afterRun(Task task, HostState host, TaskResult result, Scope scope) {
        if (task.loop() == null) {
            Map<String, Object> vars = varsBuilder.build(host, scope.vars(host.name));
            result = applyResultConditions(task, result, vars, false);
        }
        if (Boolean.TRUE.equals(scope.resolve(task.options(), TaskOptions::noLog))) {
            // no_log set on the task, an enclosing block or the play: hide results and diffs
            result = hidden(result);
        }
        Boolean ignore = scope.resolve(task.options(), TaskOptions::ignoreErrors);
        if (result.status() == TaskStatus.FAILED && Boolean.TRUE.equals(ignore)) {
            result = result.withStatus(TaskStatus.FAILED, true);
        }
        if (result.status() == TaskStatus.FAILED && !result.ignored()) {
            Map<String, Object> failedTask = new LinkedHashMap<>();
            failedTask.put("name", task.title());
            failedTask.put("action", task.module());
            failedTask.put("args", task.args());
            host.lastFailure = Map.of("ansible_failed_task", failedTask, "ansible_failed_result", cleaned(result.registered()));
        }
        if (task.register() != null && result.status() != TaskStatus.UNREACHABLE) {
            synchronized (host.runVars) {
                host.runVars.put(task.register(), cleaned(result.registered()));
            }
        }
        if (result.status() != TaskStatus.FAILED && result.status() != TaskStatus.UNREACHABLE) {
            mergeFacts(host, result);
        }
        if (result.changed() && result.status() != TaskStatus.FAILED) {
            synchronized (host.notified) {
                host.notified.addAll(task.notifies());
            }
        }
        return result;
    }

    private static TaskResult hidden(TaskResult r) {
        return new TaskResult(r.host(), r.status(), r.ignored(), r.delegatedTo(), r.itemLabel(), r.data(), List.of(),
                r.items().stream().map(TaskRunner::hidden).toList(), true);
    }

    private static Map<String, Object> cleaned(Map<String, Object> registered) {
        Map<String, Object> out = new LinkedHashMap<>(registered);
        Object changed = out.remove("_lvsplay_changed");
        if (Boolean.TRUE.equals(changed)) {
            out.put("changed", true);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void mergeFacts(HostState host, TaskResult result) {
        List<TaskResult> all = result.items().isEmpty() ? List.of(result) : result.items();
        for (TaskResult r : all) {
            if (r.data().get("ansible_facts") instanceof Map<?, ?> facts) {
                synchronized (host.runVars) {
                    host.runVars.putAll((Map<String, Object>) facts);
                }
            }
        }
    }

    /** changed_when / failed_when, evaluated with the result bound to the register name. */
    private TaskResult applyResultConditions(Task task, TaskResult result, Map<String, Object> vars, boolean item) {
        if ((task.changedWhen().isEmpty() && task.failedWhen().isEmpty())
                || result.status() == TaskStatus.SKIPPED || result.status() == TaskStatus.UNREACHABLE
                || (!item && task.loop() != null)) {
            return result;
        }
        Map<String, Object> evalVars = new LinkedHashMap<>(vars);
        Map<String, Object> registered = cleaned(result.registered());
        if (task.register() != null) {
            evalVars.put(task.register(), registered);
        }
        registered.forEach(evalVars::putIfAbsent);
        TaskStatus status = result.status();
        boolean changed = status == TaskStatus.CHANGED || Boolean.TRUE.equals(result.data().get("_lvsplay_changed"));
        try {
            if (!task.changedWhen().isEmpty()) {
                changed = allHold(task.changedWhen(), evalVars, task, "changed_when");
            }
            boolean failed = status == TaskStatus.FAILED;
            if (!task.failedWhen().isEmpty()) {
                if (task.register() != null) {
                    Map<String, Object> again = new LinkedHashMap<>(registered);
                    again.put("changed", changed);
                    evalVars.put(task.register(), again);
                }
                failed = allHold(task.failedWhen(), evalVars, task, "failed_when");
            }
            Map<String, Object> data = new LinkedHashMap<>(result.data());
            data.remove("_lvsplay_changed");
            if (!failed && status == TaskStatus.FAILED && "non-zero return code".equals(data.get("msg"))) {
                data.remove("msg");
            }
            if (failed && !task.failedWhen().isEmpty() && status != TaskStatus.FAILED) {
                data.putIfAbsent("msg", "failed_when condition was true: " + String.join(" and ", task.failedWhen()));
            }
            TaskStatus next = failed ? TaskStatus.FAILED : changed ? TaskStatus.CHANGED : TaskStatus.OK;
            return new TaskResult(result.host(), next, result.ignored(), result.delegatedTo(), result.itemLabel(), data,
                    result.diffs(), result.items(), result.noLog());
        } catch (TemplateError e) {
            return failure(result.host(), e.getMessage(), task);
        }
    }

    private boolean allHold(List<String> conditions, Map<String, Object> vars, Task task, String what) {
        for (String c : conditions) {
            if (!templar.evaluateCondition(c, vars, task.location() + " (" + what + ")")) {
                return false;
            }
        }
        return true;
    }

    private static TaskResult skipped(String host, String label, Task task) {
        return new TaskResult(host, TaskStatus.SKIPPED, false, null, label,
                Map.of("skip_reason", "Conditional result was False"), List.of(), List.of(), isNoLog(task));
    }

    private static TaskResult failure(String host, String msg, Task task) {
        return new TaskResult(host, TaskStatus.FAILED, false, null, null, Map.of("msg", msg), List.of(), List.of(),
                isNoLog(task));
    }

    private static boolean isNoLog(Task task) {
        return Boolean.TRUE.equals(task.options().noLog());
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
