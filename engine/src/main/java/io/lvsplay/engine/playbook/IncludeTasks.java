package io.lvsplay.engine.playbook;

/**
 * include_tasks: a file loaded when the task is reached (its path may be templated). When the path
 * is static, {@code preloaded} holds its tasks, loaded and validated before any host is contacted.
 * {@code apply}: keywords for every included task, or null. {@code isStatic}: the old {@code include:}
 * where all its parents are static, whose key=value params are then plain task vars (as in Ansible).
 * {@code params}: key=value words of the old free-form {@code include: file.yml a=1} (include params).
 * {@code listen}: the topics of an include that is a handler. An include_role with a loop is one too:
 * {@code preloaded} is the role's tasks and {@code file} the role's name.
 */
public record IncludeTasks(TaskOptions options, String file, java.util.Map<String, Object> params, Apply apply, Object loop,
                           String loopVar, java.util.List<TaskItem> preloaded, boolean isStatic,
                           java.util.List<String> listen, SourceLocation location, Role role)
        implements TaskItem {
}
