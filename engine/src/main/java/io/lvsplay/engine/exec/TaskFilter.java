package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Task;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * --tags, --skip-tags and --start-at-task, as Ansible's Taggable.evaluate_tags: the special tags
 * 'always', 'never', 'all', 'tagged' and 'untagged'; templated tags are templated first.
 */
public final class TaskFilter {
    private static final Set<String> UNTAGGED = Set.of("untagged");
    private final Set<String> tags;
    private final Set<String> skipTags;
    private final String startAt;
    private volatile boolean started;

    public TaskFilter(List<String> tags, List<String> skipTags, String startAt) {
        // no --tags means --tags all, as in ansible-playbook
        this.tags = tags.isEmpty() ? Set.of("all") : new LinkedHashSet<>(tags);
        this.skipTags = new LinkedHashSet<>(skipTags);
        this.startAt = startAt;
        this.started = startAt == null;
    }

    boolean selected(Task task, Scope scope) {
        return selected(task, scope, raw -> raw);
    }

    /** {@code templating} turns a templated tag ("{{ the_tags }}") into its value. */
    boolean selected(Task task, Scope scope, UnaryOperator<Object> templating) {
        if (!started) {
            String title = task.title();
            String qualified = task.role() == null ? title : task.role().name() + " : " + title;
            if (matches(startAt, title) || matches(startAt, qualified)) {
                started = true;
            } else {
                return false;
            }
        }
        List<String> raw = new ArrayList<>(scope.tags());
        raw.addAll(task.tags());
        return runs(templated(raw, templating));
    }

    /** The tags as a task has them once templated: a template giving a list adds each of its items. */
    public static Set<String> templated(List<String> raw, UnaryOperator<Object> templating) {
        Set<String> out = new LinkedHashSet<>();
        for (String tag : raw) {
            Object value = tag.contains("{{") || tag.contains("{%") ? templating.apply(tag) : tag;
            if (value instanceof Collection<?> list) {
                list.forEach(v -> out.add(String.valueOf(v)));
            } else {
                out.add(String.valueOf(value));
            }
        }
        return out;
    }

    /** Whether a task with these (effective, templated) tags runs. */
    public boolean runs(Set<String> taskTags) {
        Set<String> own = taskTags.isEmpty() ? UNTAGGED : taskTags;
        boolean tagged = !taskTags.isEmpty();
        boolean run;
        if (own.contains("always")) {
            run = true;
        } else if (tags.contains("all") && !own.contains("never")) {
            run = true;
        } else if (own.stream().anyMatch(tags::contains)) {
            run = true;
        } else {
            run = tags.contains("tagged") && tagged && !own.contains("never");
        }
        if (run && !skipTags.isEmpty()) {
            if (skipTags.contains("all")) {
                run = own.contains("always") && !skipTags.contains("always");
            } else if (own.stream().anyMatch(skipTags::contains)) {
                run = false;
            } else if (skipTags.contains("tagged") && tagged) {
                run = false;
            }
        }
        return run;
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
