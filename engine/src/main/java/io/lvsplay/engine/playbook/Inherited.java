package io.lvsplay.engine.playbook;

import java.util.ArrayList;
import java.util.List;

/**
 * Keywords of an import_tasks (or an include's {@code apply:}) that every task inside takes on but a
 * block cannot carry: {@code notify}, added to each task's own handlers to notify.
 */
final class Inherited {
    private Inherited() {
    }

    static List<TaskItem> withNotify(List<TaskItem> items, List<String> notify) {
        if (notify.isEmpty()) {
            return items;
        }
        List<TaskItem> out = new ArrayList<>();
        for (TaskItem item : items) {
            out.add(withNotify(item, notify));
        }
        return out;
    }

    private static TaskItem withNotify(TaskItem item, List<String> notify) {
        if (item instanceof Task t) {
            List<String> all = new ArrayList<>(t.notifies());
            notify.stream().filter(n -> !all.contains(n)).forEach(all::add);
            return new Task(t.options(), t.module(), t.moduleAsWritten(), t.args(), t.loop(), t.loopVar(), t.loopLabel(),
                    t.loopIndexVar(), t.register(), t.changedWhen(), t.failedWhen(), List.copyOf(all), t.listen(),
                    t.until(), t.retries(), t.delay(), t.async(), t.poll(), t.timeout(), t.location(), t.role(), t.loopControl());
        }
        if (item instanceof Block b) {
            return new Block(b.options(), withNotify(b.block(), notify), withNotify(b.rescue(), notify),
                    withNotify(b.always(), notify), b.location(), b.role(), b.includedFrom());
        }
        IncludeTasks i = (IncludeTasks) item;
        Apply apply = i.apply() == null ? new Apply(TaskOptions.empty(), notify) : i.apply().plusNotify(notify);
        return new IncludeTasks(i.options(), i.file(), i.params(), apply, i.loop(), i.loopVar(), i.preloaded(),
                i.isStatic(), i.listen(), i.location(), i.role());
    }
}
