package io.lvsplay.engine.playbook;

import java.util.List;

/**
 * block / rescue / always. An include_role/import_role is a block of the included role's tasks;
 * {@code includedFrom} is then the role whose tasks hold that include (null for other blocks and
 * for an include outside any role): Ansible's ansible_parent_role_names come from it.
 */
public record Block(TaskOptions options, List<TaskItem> block, List<TaskItem> rescue, List<TaskItem> always,
                    SourceLocation location, Role role, Role includedFrom) implements TaskItem {

    public Block(TaskOptions options, List<TaskItem> block, List<TaskItem> rescue, List<TaskItem> always,
                 SourceLocation location, Role role) {
        this(options, block, rescue, always, location, role, null);
    }
}
