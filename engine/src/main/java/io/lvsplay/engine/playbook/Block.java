package io.lvsplay.engine.playbook;

import java.util.List;

/** block / rescue / always. */
public record Block(TaskOptions options, List<TaskItem> block, List<TaskItem> rescue, List<TaskItem> always,
                    SourceLocation location, Role role) implements TaskItem {
}
