package io.lvsplay.engine.module;

import io.lvsplay.engine.remote.RemoteHost;
import java.util.Map;

/**
 * One thing a plan will change on the host, with its diff and the action that applies it.
 * The action returns result fields to merge into the task result (e.g. rc/stdout of a command).
 */
public record Change(String description, Diff diff, Action action) {

    @FunctionalInterface
    public interface Action {
        Map<String, Object> apply(RemoteHost host);
    }

    public static Change of(String description, Action action) {
        return new Change(description, null, action);
    }

    public static Change of(String description, Diff diff, Action action) {
        return new Change(description, diff, action);
    }
}
