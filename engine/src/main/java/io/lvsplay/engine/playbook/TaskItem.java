package io.lvsplay.engine.playbook;

import java.util.List;
import java.util.Map;

/** Something in a task list: a task, a block, or a dynamic include. */
public sealed interface TaskItem permits Task, Block, IncludeTasks {

    /** Keywords every kind shares and that children inherit (when, tags, become, vars...). */
    TaskOptions options();

    SourceLocation location();

    /** The role a task came from, or null; decides where relative template/file paths are found. */
    Role role();

    default String displayName() {
        return options().name();
    }

    default List<String> tags() {
        return options().tags();
    }

    default Map<String, Object> vars() {
        return options().vars();
    }
}
