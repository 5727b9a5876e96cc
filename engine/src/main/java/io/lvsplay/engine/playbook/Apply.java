package io.lvsplay.engine.playbook;

import java.util.ArrayList;
import java.util.List;

/** {@code include_tasks: {file: ..., apply: {...}}}: keywords given to every included task. */
public record Apply(TaskOptions options, List<String> notifies) {

    /** The included tasks inside a block that carries the applied keywords. */
    public List<TaskItem> wrap(List<TaskItem> items, SourceLocation at, Role role) {
        return List.of(new Block(options, Inherited.withNotify(items, notifies), List.of(), List.of(), at, role));
    }

    Apply plusNotify(List<String> more) {
        List<String> all = new ArrayList<>(notifies);
        more.stream().filter(n -> !all.contains(n)).forEach(all::add);
        return new Apply(options, List.copyOf(all));
    }
}
