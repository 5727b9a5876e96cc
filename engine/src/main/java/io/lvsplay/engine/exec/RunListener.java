package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Play;
import java.util.Map;

/** Receives what happens during a run: the text output, the --json output and tests implement it. */
public interface RunListener {

    void playStarted(Play play, java.util.List<String> hosts);

    void taskStarted(String title, boolean handler);

    void hostResult(TaskResult result);

    void warning(String message);

    /** What a meta action did ("ending play for web1"); ansible-playbook prints it with -vv as "META: ...". */
    default void meta(String message) {
    }

    /** An until condition did not hold yet: the task runs again ("FAILED - RETRYING: [h]: task (2 retries left)."). */
    default void retrying(TaskResult result, String task, int retriesLeft) {
    }

    /**
     * What applying a task's plan executes on {@code host}, one line per step (a script, or
     * "write PATH (N bytes, mode M)"); {@code check}: nothing was executed.
     */
    default void commands(String host, boolean check, java.util.List<String> commands) {
    }

    /**
     * File content a task handled (see {@link io.lvsplay.engine.module.ModuleContext#fileContent});
     * {@code noLog}: the task is no_log, so the content is secret whatever it holds.
     */
    default void fileContent(byte[] content, boolean noLog) {
    }

    /**
     * Facts a task set (set_fact, include_vars), with the task's arguments as written and the vars
     * they were rendered with: a fact made from a secret is a secret under its new name.
     */
    default void factsSet(Map<String, Object> asWritten, Map<String, ?> facts, Map<String, Object> vars) {
    }

    void noHostsLeft();

    void recap(Map<String, HostStats> stats);
}
