package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Task;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** --tags, --skip-tags and --start-at-task, with Ansible's special tags 'always' and 'never'. */
final class TaskFilter {
    private final Set<String> tags;
    private final Set<String> skipTags;
    private final String startAt;
    private volatile boolean started;

    TaskFilter(List<String> tags, List<String> skipTags, String startAt) {
        this.tags = new LinkedHashSet<>(tags);
        this.skipTags = new LinkedHashSet<>(skipTags);
        this.startAt = startAt;
        this.started = startAt == null;
    }

    boolean selected(Task task, Scope scope) {
        if (!started) {
            String title = task.title();
            String qualified = task.role() == null ? title : task.role().name() + " : " + title;
            if (matches(startAt, title) || matches(startAt, qualified)) {
                started = true;
            } else {
                return false;
            }
        }
        Set<String> effective = new LinkedHashSet<>(scope.tags());
        effective.addAll(task.tags());
        if (effective.stream().anyMatch(skipTags::contains) || (skipTags.contains("tagged") && !effective.isEmpty())
                || (skipTags.contains("untagged") && effective.isEmpty())) {
            return false;
        }
        if (tags.isEmpty() || tags.contains("all")) {
            return !effective.contains("never") || effective.stream().anyMatch(tags::contains);
        }
        if (effective.contains("always")) {
            return true;
        }
        if (tags.contains("tagged") && !effective.isEmpty() && !effective.contains("never")) {
            return true;
        }
        if (tags.contains("untagged") && effective.isEmpty()) {
            return true;
        }
        return effective.stream().anyMatch(tags::contains);
    }

    private static boolean matches(String pattern, String name) {
        if (pattern.equals(name)) {
            return true;
        }
        try {
            // fnmatch: '*' also matches '/', so compare both sides with '/' replaced
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace('/', '_'));
            return glob.matches(Path.of(name.replace('/', '_')));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
