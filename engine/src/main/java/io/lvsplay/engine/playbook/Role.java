package io.lvsplay.engine.playbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A role: roles/NAME/{tasks,handlers,templates,files,defaults,vars}. */
public record Role(String name, Path dir, Map<String, Object> defaults, Map<String, Object> vars,
                   Map<String, Object> params, List<TaskItem> tasks, List<TaskItem> handlers) {
}
