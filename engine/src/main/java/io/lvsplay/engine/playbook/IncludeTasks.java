package io.lvsplay.engine.playbook;

/**
 * include_tasks: a file loaded when the task is reached (its path may be templated). When the path
 * is static, {@code preloaded} holds its tasks, loaded and validated before any host is contacted.
 */
public record IncludeTasks(TaskOptions options, String file, Object loop, String loopVar,
                           java.util.List<TaskItem> preloaded, SourceLocation location, Role role)
        implements TaskItem {
}
