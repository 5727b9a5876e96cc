package io.lvsplay.engine.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader refuses with file:line, and the with_NAME / set_fact forms it now takes. */
class LoaderRefusalsTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("site.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private PlaybookError loadFails(String yaml) throws IOException {
        Path file = write(yaml);
        return assertThrows(PlaybookError.class, () -> new PlaybookLoader(FakeModules.registry()).load(file));
    }

    private Task onlyTask(String tasks) throws IOException {
        Path file = write("- hosts: all\n  tasks:\n" + tasks.indent(4));
        Play play = new PlaybookLoader(FakeModules.registry()).load(file).plays().get(0);
        return (Task) play.tasks().get(0);
    }

    @Test
    void aModuleThePlaybookBringsAsPythonIsRefusedByName() throws IOException {
        Files.createDirectories(dir.resolve("action_plugins"));
        Files.writeString(dir.resolve("action_plugins/shell_no_failed.py"), "# an action plugin\n");
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - shell_no_failed: echo hi
                """);
        assertEquals(3, e.location().line());
        assertTrue(e.getMessage().contains("lvsplay does not support custom modules or action plugins: 'shell_no_failed' is "
                + dir.resolve("action_plugins/shell_no_failed.py")), e.getMessage());
    }

    @Test
    void aModuleNobodyDefinesIsStillUnresolved() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - shell_no_failed: echo hi
                """);
        assertTrue(e.getMessage().contains("couldn't resolve module/action 'shell_no_failed'"), e.getMessage());
    }

    @Test
    void aDuplicateKeyIsRefusedAtItsSecondLine() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: web
                  hosts: db
                  tasks: []
                """);
        assertEquals(2, e.location().line());
        assertTrue(e.getMessage().contains("duplicate key 'hosts' (first on line 1)"), e.getMessage());
    }

    @Test
    void aLoopThatIsNotAListIsRefused() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - debug: msg=hi
                      loop: 5
                """);
        assertEquals(4, e.location().line());
        assertTrue(e.getMessage().contains("'loop' must be a list or a template that gives one (got the number 5)"),
                e.getMessage());
    }

    @Test
    void anUnknownWithLoopNamesTheMissingLookup() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - debug: msg=hi
                      with_nosuch: [1]
                """);
        assertEquals(4, e.location().line());
        assertTrue(e.getMessage().contains("'with_nosuch': lookup plugin (nosuch) not found"), e.getMessage());
    }

    @Test
    void twoLoopsOnOneTaskAreRefused() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - debug: msg=hi
                      loop: [1]
                      with_items: [2]
                """);
        assertTrue(e.getMessage().contains("a task has one loop"), e.getMessage());
    }

    @Test
    void everyWithLoopIsItsLookupOnTheTerms() throws IOException {
        Task t = onlyTask("""
                - debug: msg={{ item }}
                  with_nested:
                    - [a, b]
                    - [c, d]
                """);
        TaskParser.WithLookup loop = assertInstanceOf(TaskParser.WithLookup.class, t.loop());
        assertEquals("nested", loop.lookup());
    }

    @Test
    void setFactTakesTemplatedKeysInFreeForm() throws IOException {
        Task t = onlyTask("""
                - set_fact: "{{ item.0 + item.1 }}=x"
                  with_together: [[a], [b]]
                """);
        assertEquals(Map.of("{{ item.0 + item.1 }}", "x"), t.args());
    }

    @Test
    void badKeywordValuesAreRefusedBeforeAnythingRuns() throws IOException {
        assertTrue(loadFails("""
                - hosts: all
                  become: maybe
                  tasks: []
                """).getMessage().contains("'become' must be a boolean (yes/no, true/false), got the string 'maybe'"));
        assertTrue(loadFails("""
                - hosts: all
                  serial: lots
                  tasks: []
                """).getMessage().contains("'serial' must be a number of hosts or a percentage"));
        PlaybookError when = loadFails("""
                - hosts: all
                  tasks:
                    - debug: msg=hi
                      when: {a: 1}
                """);
        assertEquals(4, when.location().line());
        assertTrue(when.getMessage().contains("'when' must be a condition"), when.getMessage());
        assertTrue(loadFails("""
                - hosts: all
                  tasks:
                    - debug: msg=hi
                      until: x
                      retries: many
                """).getMessage().contains("the field 'retries' has an invalid value (many)"));
    }

    @Test
    void varsMayBeAListOfMappingsMergedInOrder() throws IOException {
        Task t = onlyTask("""
                - debug: msg=hi
                  vars:
                    - a: 1
                    - a: 2
                      b: 3
                """);
        assertEquals(Map.of("a", 2, "b", 3), t.options().vars());
    }
}
