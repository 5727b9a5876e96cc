package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskOptions;
import io.lvsplay.engine.remote.Become;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keywords that steer one invocation, resolved from the task, its blocks and its play (innermost
 * wins) against the command line: check_mode, diff, delegate_to, become, environment, remote_user.
 */
final class TaskSettings {
    private final PlayContext ctx;

    TaskSettings(PlayContext ctx) {
        this.ctx = ctx;
    }

    boolean checkMode(Task task, Scope scope, Map<String, Object> vars) {
        Boolean forced = flag(task, scope, vars, "check_mode", TaskOptions::checkMode);
        return forced != null ? forced : ctx.options().check();
    }

    boolean diffMode(Task task, Scope scope, Map<String, Object> vars) {
        Boolean forced = flag(task, scope, vars, "diff", TaskOptions::diff);
        return forced != null ? forced : ctx.options().diff();
    }

    private Boolean flag(Task task, Scope scope, Map<String, Object> vars, String keyword,
                         java.util.function.Function<TaskOptions, Boolean> written) {
        return FlagKeywords.resolve(scope, task.options(), keyword, written, ctx.templar(), () -> vars,
                task.location().toString());
    }

    String delegate(Task task, Scope scope, Map<String, Object> vars) {
        String delegate = scope.resolve(task.options(), TaskOptions::delegateTo);
        if (delegate == null) {
            return null;
        }
        return String.valueOf(ctx.templar().template(delegate, vars, task.location() + " (delegate_to)"));
    }

    /**
     * environment: the play's, then each block's, then the task's layers (mappings or templates giving
     * one), merged key by key (inner wins),
     * each value templated with the task's variables.
     */
    Map<String, String> environment(Task task, Scope scope, Map<String, Object> vars) {
        List<Object> layers = new ArrayList<>();
        scope.chain().forEach(o -> layers.addAll(o.environment()));
        layers.addAll(task.options().environment());
        return EnvironmentValues.template(ctx.templar(), layers, vars, task.location() + " (environment)");
    }

    /**
     * The play's remote_user stands in for ansible_user when the host does not set one; the connection
     * keyword (task, block or play, else -c) for ansible_connection likewise: in Ansible the host's variable wins.
     */
    Map<String, Object> connectionVars(Map<String, Object> vars, Task task, Scope scope) {
        String playUser = ctx.play().remoteUser();
        String connection = scope.resolve(task == null ? null : task.options(), TaskOptions::connection);
        if (connection == null) {
            connection = ctx.options().connection();
        }
        Map<String, Object> out = new LinkedHashMap<>(vars);
        if (playUser != null && !vars.containsKey("ansible_user") && !vars.containsKey("ansible_ssh_user")) {
            out.put("ansible_user", playUser);
        }
        if (connection != null && !vars.containsKey("ansible_connection")) {
            out.put("ansible_connection", connection.trim());
        }
        return out;
    }

    Become become(Task task, Scope scope, Map<String, Object> vars) {
        Boolean enabled = flag(task, scope, vars, "become", TaskOptions::become);
        if (enabled == null) {
            enabled = ctx.options().become() || truthy(vars.get("ansible_become"));
        }
        if (!enabled) {
            return Become.NONE;
        }
        String user = scope.resolve(task.options(), TaskOptions::becomeUser);
        if (user == null) {
            user = ctx.options().becomeUser() != null ? ctx.options().becomeUser()
                    : vars.get("ansible_become_user") != null ? String.valueOf(vars.get("ansible_become_user")) : "root";
        }
        Object pw = vars.get("ansible_become_password");
        if (pw == null) {
            pw = vars.get("ansible_become_pass");
        }
        String password = ctx.options().becomePassword() != null ? ctx.options().becomePassword()
                : pw == null ? null : String.valueOf(ctx.templar().template(pw, vars, "ansible_become_password"));
        return Become.as(String.valueOf(ctx.templar().template(user, vars, "become_user")), password);
    }

    private static boolean truthy(Object value) {
        return value != null && Boolean.TRUE.equals(ModuleArgs.toBool(value));
    }
}
