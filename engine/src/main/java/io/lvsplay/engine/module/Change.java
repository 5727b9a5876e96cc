package io.lvsplay.engine.module;

import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.transport.ExecResult;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing a plan will change on the host: its diff and the steps that apply it, as data
 * ({@link RemoteCommand}, {@link FileWrite}), each with the reader that turns its outcome into
 * result fields. The executor applies the steps in order unless --check; {@link #shown()} is what
 * {@code --check -v} prints. Built with {@link #named} and {@link #then}.
 */
public record Change(String description, Diff diff, List<Step> steps) {

    /** A step and how its outcome becomes result fields. */
    public record Step(HostStep command, ResultReader reader) {
    }

    /** A change applied to a host, as the executor sees it. */
    @FunctionalInterface
    public interface Action {
        Map<String, Object> apply(RemoteHost host);
    }

    public Change {
        steps = List.copyOf(steps);
    }

    /** A change with no steps yet. */
    public static Change named(String description, Diff diff) {
        return new Change(description, diff, List.of());
    }

    public static Change named(String description) {
        return named(description, null);
    }

    /** This change, then {@code command} read by {@code reader}. */
    public Change then(HostStep command, ResultReader reader) {
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(command, reader));
        return new Change(description, diff, more);
    }

    /** This change, then {@code command} whatever its outcome (a file write fails on its own). */
    public Change then(HostStep command) {
        return then(command, ResultReader.IGNORE);
    }

    /** What applying this change executes, one line per step. */
    public List<String> shown() {
        return steps.stream().map(s -> s.command().shown()).toList();
    }

    /**
     * Applies the steps in order on {@code host}, merging the result fields their readers give;
     * a reader's {@link ModuleFailure} stops the rest.
     */
    public Map<String, Object> apply(RemoteHost host) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Step step : steps) {
            HostStep command = step.command();
            if (command instanceof RemoteCommand c) {
                LocalDateTime start = LocalDateTime.now();
                ExecResult r = run(host, c);
                fields.putAll(step.reader().read(r, host.hostName(), start, LocalDateTime.now()));
            } else if (command instanceof FileWrite w) {
                host.writeFile(w.path(), w.content(), w.mode(), w.owner(), w.group());
                fields.putAll(step.reader().read(new ExecResult(0, new byte[0], new byte[0]), host.hostName()));
            } else if (command instanceof ControllerFileWrite w) {
                w.apply();
                fields.putAll(step.reader().read(new ExecResult(0, new byte[0], new byte[0]), host.hostName()));
            }
        }
        return fields;
    }

    /** This change as an action (what the executor and the module tests call). */
    public Action action() {
        return this::apply;
    }

    private static ExecResult run(RemoteHost host, RemoteCommand c) {
        if (c.becomeUser() != null) {
            throw new ModuleFailure("lvsplay does not support a step run as another user (" + c.becomeUser() + ")");
        }
        return c.stdin().length == 0 ? host.run(c.script()) : host.run(c.script(), c.stdin());
    }
}
