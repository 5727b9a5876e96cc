package io.lvsplay.engine.exec;

import io.lvsplay.engine.ssh.HostKeyPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The command-line choices that steer a run (ansible-playbook's options). forceHandlers: --force-handlers
 * or ansible.cfg's force_handlers, the default of the play keyword. connection: -c (ssh, local), the
 * default of the connection keyword (null: ssh). controller: what the controller's environment
 * contributes ({@link ControllerContext}). errorOnMissingHandler: ansible.cfg's error_on_missing_handler
 * (a notify no handler answers fails the run; else a warning).
 */
public record RunOptions(
        boolean check,
        boolean diff,
        int forks,
        List<String> tags,
        List<String> skipTags,
        String startAtTask,
        String limit,
        Map<String, Object> extraVars,
        int verbosity,
        boolean become,
        String becomeUser,
        String becomePassword,
        String remoteUser,
        Path privateKey,
        HostKeyPolicy hostKeyPolicy,
        int connectTimeoutSeconds,
        boolean forceHandlers,
        String connection,
        ControllerContext controller,
        boolean errorOnMissingHandler) {

    public static RunOptions defaults() {
        return new RunOptions(false, false, 10, List.of(), List.of(), null, null, Map.of(), 0, false, null, null,
                null, null, HostKeyPolicy.STRICT, 10, false, null, ControllerContext.none(), true);
    }

    public RunOptions withCheck(boolean value) {
        return new RunOptions(value, diff, forks, tags, skipTags, startAtTask, limit, extraVars, verbosity, become,
                becomeUser, becomePassword, remoteUser, privateKey, hostKeyPolicy, connectTimeoutSeconds,
                forceHandlers, connection, controller, errorOnMissingHandler);
    }

    public RunOptions withDiff(boolean value) {
        return new RunOptions(check, value, forks, tags, skipTags, startAtTask, limit, extraVars, verbosity, become,
                becomeUser, becomePassword, remoteUser, privateKey, hostKeyPolicy, connectTimeoutSeconds,
                forceHandlers, connection, controller, errorOnMissingHandler);
    }

    public RunOptions withExtraVars(Map<String, Object> value) {
        return new RunOptions(check, diff, forks, tags, skipTags, startAtTask, limit, value, verbosity, become,
                becomeUser, becomePassword, remoteUser, privateKey, hostKeyPolicy, connectTimeoutSeconds,
                forceHandlers, connection, controller, errorOnMissingHandler);
    }

    public RunOptions withForceHandlers(boolean value) {
        return new RunOptions(check, diff, forks, tags, skipTags, startAtTask, limit, extraVars, verbosity, become,
                becomeUser, becomePassword, remoteUser, privateKey, hostKeyPolicy, connectTimeoutSeconds, value,
                connection, controller, errorOnMissingHandler);
    }

    public RunOptions withController(ControllerContext value) {
        return new RunOptions(check, diff, forks, tags, skipTags, startAtTask, limit, extraVars, verbosity, become,
                becomeUser, becomePassword, remoteUser, privateKey, hostKeyPolicy, connectTimeoutSeconds,
                forceHandlers, connection, value, errorOnMissingHandler);
    }

    public RunOptions withHostKeyPolicy(HostKeyPolicy value) {
        return new RunOptions(check, diff, forks, tags, skipTags, startAtTask, limit, extraVars, verbosity, become,
                becomeUser, becomePassword, remoteUser, privateKey, value, connectTimeoutSeconds,
                forceHandlers, connection, controller, errorOnMissingHandler);
    }
}
