package io.lvsplay.engine.playbook;

import java.util.List;
import java.util.Map;

/**
 * The keywords a task, block or include carries besides its action. Nullable fields mean "not
 * set here": inherited from the enclosing block or play. throttle and any_errors_fatal are kept as
 * written (a value or a template) and resolved when the task runs; so are the boolean keywords written
 * as templates ({@code become: "{{ use_sudo }}"}), in {@code deferred} by keyword name.
 * environment is the list of layers as written (mappings, or templates giving one), as in Ansible.
 */
public record TaskOptions(
        String name,
        List<String> when,
        List<String> tags,
        Map<String, Object> vars,
        Boolean become,
        String becomeUser,
        String delegateTo,
        boolean runOnce,
        Boolean noLog,
        Boolean ignoreErrors,
        Boolean ignoreUnreachable,
        Boolean checkMode,
        Boolean diff,
        List<Object> environment,
        Object throttle,
        Object anyErrorsFatal,
        String connection,
        Map<String, Object> deferred) {

    public static TaskOptions empty() {
        return new TaskOptions(null, List.of(), List.of(), Map.of(), null, null, null, false,
                null, null, null, null, null, List.of(), null, null, null, Map.of());
    }

    /** These options with {@code host} as delegate_to. */
    public TaskOptions withDelegateTo(String host) {
        return new TaskOptions(name, when, tags, vars, become, becomeUser, host, runOnce, noLog,
                ignoreErrors, ignoreUnreachable, checkMode, diff, environment, throttle, anyErrorsFatal, connection,
                deferred);
    }

    /** These options with {@code newVars} in place of their own vars. */
    public TaskOptions withVars(Map<String, Object> newVars) {
        return new TaskOptions(name, when, tags, newVars, become, becomeUser, delegateTo, runOnce, noLog,
                ignoreErrors, ignoreUnreachable, checkMode, diff, environment, throttle, anyErrorsFatal, connection,
                deferred);
    }
}
