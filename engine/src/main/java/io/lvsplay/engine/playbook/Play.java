package io.lvsplay.engine.playbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One play of a playbook, with its roles already expanded into task lists. {@code varsFiles}: the
 * entries as written (a name, or a list of names of which the first found is read);
 * {@code varsFromFiles}: what the entries without templates gave at load time.
 * strategy, serial, order, force_handlers and max_fail_percentage are kept as written: each may be a
 * template of the play's variables, resolved when the play starts.
 */
public record Play(
        String name,
        String hosts,
        Map<String, Object> vars,
        List<Object> varsFiles,
        Map<String, Object> varsFromFiles,
        boolean gatherFacts,
        TaskOptions options,
        List<Object> serial,
        String strategy,
        boolean anyErrorsFatal,
        Object order,
        Object forceHandlers,
        Object maxFailPercentage,
        String remoteUser,
        List<Role> roles,
        List<TaskItem> preTasks,
        List<TaskItem> tasks,
        List<TaskItem> postTasks,
        List<TaskItem> handlers,
        Path baseDir,
        SourceLocation location,
        List<VarsPrompt> varsPrompt) {

    /** This play with {@code newVars} as its vars (vars_prompt's answers added when the play starts). */
    public Play withVars(Map<String, Object> newVars) {
        return new Play(name, hosts, newVars, varsFiles, varsFromFiles, gatherFacts, options, serial, strategy,
                anyErrorsFatal, order, forceHandlers, maxFailPercentage, remoteUser, roles, preTasks, tasks, postTasks,
                handlers, baseDir, location, varsPrompt);
    }

    /** Ansible prints the hosts pattern when a play has no name. */
    public String title() {
        return name != null ? name : hosts;
    }

    /** The same play under another name (its name templated when the play starts). */
    public Play withName(String newName) {
        return new Play(newName, hosts, vars, varsFiles, varsFromFiles, gatherFacts, options, serial, strategy,
                anyErrorsFatal, order, forceHandlers, maxFailPercentage, remoteUser, roles, preTasks, tasks, postTasks,
                handlers, baseDir, location, varsPrompt);
    }

    /** Role defaults of all roles of this play, merged in role order (lowest precedence). */
    public Map<String, Object> roleDefaults() {
        Map<String, Object> merged = new java.util.LinkedHashMap<>();
        roles.forEach(r -> merged.putAll(r.defaults()));
        return merged;
    }

    /** Role vars of all roles of this play (above play vars, like Ansible). */
    public Map<String, Object> roleVars() {
        Map<String, Object> merged = new java.util.LinkedHashMap<>();
        roles.forEach(r -> merged.putAll(r.vars()));
        return merged;
    }
}
