package io.lvsplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.playbook.Role;
import io.lvsplay.engine.playbook.SourceLocation;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --tags / --skip-tags / --start-at-task, as ansible-playbook decides which tasks run. */
class TaskFilterTest {

    private static final Scope PLAY = Scope.of(TaskOptions.empty());

    private static Task task(String name, String... tags) {
        return task(name, null, tags);
    }

    private static Task task(String name, Role role, String... tags) {
        TaskOptions o = new TaskOptions(name, List.of(), List.of(tags), Map.of(), null, null, null, false, null, null,
                null, null, null, List.of(), null, null, null, Map.of());
        return new Task(o, "debug", "debug", Map.of(), null, "item", null, null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), 3, 5, 0, 15, 0, SourceLocation.UNKNOWN, role,
                io.lvsplay.engine.playbook.LoopControl.NONE);
    }

    private static TaskFilter tags(String... tags) {
        return new TaskFilter(List.of(tags), List.of(), null);
    }

    private static TaskFilter skip(String... tags) {
        return new TaskFilter(List.of(), List.of(tags), null);
    }

    @Test
    void withoutTagsEverythingRuns() {
        assertTrue(tags().selected(task("t"), PLAY));
        assertTrue(tags().selected(task("t", "web"), PLAY));
    }

    @Test
    void neverTaggedTaskDoesNotRunByDefault() {
        assertFalse(tags().selected(task("t", "never", "debug"), PLAY));
        assertFalse(tags("all").selected(task("t", "never"), PLAY));
    }

    @Test
    void neverTaggedTaskRunsWhenAnotherOfItsTagsIsAsked() {
        assertTrue(tags("debug").selected(task("t", "never", "debug"), PLAY));
    }

    @Test
    void tagsSelectMatchingTasksOnly() {
        TaskFilter f = tags("web");
        assertTrue(f.selected(task("a", "web", "config"), PLAY));
        assertFalse(f.selected(task("b", "db"), PLAY));
        assertFalse(f.selected(task("c"), PLAY));
    }

    @Test
    void alwaysTaggedTaskRunsWhateverTagsAreAsked() {
        assertTrue(tags("web").selected(task("t", "always"), PLAY));
    }

    @Test
    void alwaysTaggedTaskIsSkippedOnlyWhenAlwaysIsSkipped() {
        assertTrue(skip("web").selected(task("t", "always"), PLAY));
        assertFalse(skip("always").selected(task("t", "always"), PLAY));
    }

    @Test
    void skipTagsWinOverTags() {
        assertFalse(new TaskFilter(List.of("web"), List.of("slow"), null).selected(task("t", "web", "slow"), PLAY));
    }

    @Test
    void tagsInheritedFromTheEnclosingBlockOrPlayCount() {
        Scope block = PLAY.enter(new TaskOptions(null, List.of(), List.of("web"), Map.of(), null, null, null, false,
                null, null, null, null, null, List.of(), null, null, null, Map.of()));
        assertTrue(tags("web").selected(task("inner"), block));
        assertFalse(skip("web").selected(task("inner"), block));
    }

    @Test
    void taggedSelectsTasksWithAnyTag() {
        assertTrue(tags("tagged").selected(task("t", "x"), PLAY));
        assertFalse(tags("tagged").selected(task("t"), PLAY));
    }

    @Test
    void taggedDoesNotSelectNeverTasks() {
        // Ansible: 'tagged' in only_tags runs tagged tasks "and 'never' not in tags"
        assertFalse(tags("tagged").selected(task("t", "never"), PLAY));
    }

    @Test
    void untaggedSelectsTasksWithoutTags() {
        assertTrue(tags("untagged").selected(task("t"), PLAY));
        assertFalse(tags("untagged").selected(task("t", "x"), PLAY));
    }

    @Test
    void skipTaggedAndSkipUntagged() {
        assertFalse(skip("tagged").selected(task("t", "x"), PLAY));
        assertTrue(skip("tagged").selected(task("t"), PLAY));
        assertFalse(skip("untagged").selected(task("t"), PLAY));
        assertTrue(skip("untagged").selected(task("t", "x"), PLAY));
    }

    @Test
    void startAtTaskSkipsTasksBeforeTheNamedOneThenRunsTheRest() {
        TaskFilter f = new TaskFilter(List.of(), List.of(), "second");
        assertFalse(f.selected(task("first"), PLAY));
        assertTrue(f.selected(task("second"), PLAY));
        assertTrue(f.selected(task("first"), PLAY), "once started, every later task runs");
    }

    @Test
    void startAtTaskAcceptsAGlob() {
        TaskFilter f = new TaskFilter(List.of(), List.of(), "install *");
        assertFalse(f.selected(task("configure"), PLAY));
        assertTrue(f.selected(task("install nginx"), PLAY));
    }

    @Test
    void startAtTaskGlobMatchesAcrossSlashesLikeFnmatch() {
        TaskFilter f = new TaskFilter(List.of(), List.of(), "copy /etc/*");
        assertTrue(f.selected(task("copy /etc/hosts"), PLAY));
    }

    @Test
    void startAtTaskMatchesTheRoleQualifiedName() {
        Role web = new Role("web", Path.of("/roles/web"), Map.of(), Map.of(), Map.of(), List.of(), List.of());
        TaskFilter f = new TaskFilter(List.of(), List.of(), "web : restart");
        assertFalse(f.selected(task("restart"), PLAY));
        assertTrue(f.selected(task("restart", web), PLAY));
    }

    @Test
    void startAtTaskStillAppliesTagFilters() {
        TaskFilter f = new TaskFilter(List.of(), List.of("slow"), "go");
        assertFalse(f.selected(task("go", "slow"), PLAY));
        assertTrue(f.selected(task("after"), PLAY));
    }

    @Test
    void untaggedAndTaggedAreSpecialTagsOnBothSides() {
        assertTrue(tags("untagged").selected(task("t"), PLAY));
        assertFalse(tags("untagged").selected(task("t", "web"), PLAY));
        assertFalse(skip("untagged").selected(task("t"), PLAY));
        assertTrue(tags("tagged").selected(task("t", "web"), PLAY));
        assertFalse(tags("tagged").selected(task("t", "never", "web"), PLAY));
        assertFalse(skip("tagged").selected(task("t", "web"), PLAY));
    }

    @Test
    void skippingAlwaysOrAllStopsAlwaysTasks() {
        assertFalse(new TaskFilter(List.of("untagged"), List.of("always"), null).selected(task("t", "always"), PLAY));
        assertTrue(skip("all").selected(task("t", "always"), PLAY));
        assertFalse(skip("all").selected(task("t", "web"), PLAY));
    }

    @Test
    void templatedTagsAreTemplatedAndListsFlattened() {
        TaskFilter f = tags("tag3");
        assertTrue(f.selected(task("t", "{{ the_tags }}"), PLAY, raw -> List.of("tag3")));
        assertFalse(f.selected(task("t", "{{ the_tags }}"), PLAY, raw -> List.of("other")));
        assertTrue(TaskFilter.templated(List.of("a", "{{ x }}"), raw -> "b").containsAll(List.of("a", "b")));
    }
}
