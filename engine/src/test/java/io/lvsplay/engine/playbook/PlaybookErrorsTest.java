package io.lvsplay.engine.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A playbook that cannot run is refused with the file, the line and what is wrong. */
class PlaybookErrorsTest {

    @TempDir
    Path dir;

    private PlaybookError loadFails(String yaml) throws IOException {
        Path file = dir.resolve("site.yml");
        Files.writeString(file, yaml);
        return assertThrows(PlaybookError.class, () -> new PlaybookLoader(FakeModules.registry()).load(file));
    }

    private static void assertAt(PlaybookError e, Path file, int line) {
        assertEquals(file.toAbsolutePath().normalize(), e.location().file().toAbsolutePath().normalize(), e.getMessage());
        assertEquals(line, e.location().line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(e.location().toString() + ": "), e.getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - name: ok
                      debug:
                        msg: "quoted" and then more
                """);
        assertTrue(e.getMessage().contains("YAML syntax error"), e.getMessage());
        assertAt(e, dir.resolve("site.yml"), 5);
    }

    @Test
    void badIndentationIsAYamlSyntaxErrorAtItsLine() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - debug: msg=a
                     - debug: msg=b
                """);
        assertTrue(e.getMessage().contains("YAML syntax error"), e.getMessage());
        assertAt(e, dir.resolve("site.yml"), 4);
    }

    @Test
    void unknownPlayKeywordIsRefusedAtItsLine() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  gather_fact: false
                  tasks: []
                """);
        assertAt(e, dir.resolve("site.yml"), 2);
        assertTrue(e.getMessage().contains("'gather_fact' is not a valid attribute for a Play"), e.getMessage());
    }

    @Test
    void moduleWrittenAtPlayLevelSaysItBelongsUnderTasks() throws IOException {
        PlaybookError e = loadFails("- hosts: all\n  debug: msg=hi\n");
        assertAt(e, dir.resolve("site.yml"), 2);
        assertTrue(e.getMessage().contains("under 'tasks:'"), e.getMessage());
    }

    @Test
    void unknownTaskKeywordIsRefusedAtItsLine() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - name: typo
                      debug: msg=hi
                      whenn: x
                """);
        assertAt(e, dir.resolve("site.yml"), 5);
        assertTrue(e.getMessage().contains("unknown task keyword 'whenn'"), e.getMessage());
    }

    @Test
    void unknownKeywordBeforeTheModuleIsNamedAtItsOwnLine() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - name: typo
                      notfy: x
                      debug: msg=hi
                """);
        assertAt(e, dir.resolve("site.yml"), 4);
        assertTrue(e.getMessage().contains("unknown task keyword 'notfy'"), e.getMessage());
    }

    @Test
    void twoModulesInOneTaskAreRefused() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - name: two
                      command: echo a
                      shell: echo b
                """);
        assertAt(e, dir.resolve("site.yml"), 5);
        assertTrue(e.getMessage().contains("found both 'command' and 'shell'"), e.getMessage());
    }

    @Test
    void unknownModuleSuggestsTheCloseName() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - name: typo
                      copyy:
                        content: x
                        dest: /tmp/x
                """);
        assertAt(e, dir.resolve("site.yml"), 4);
        assertTrue(e.getMessage().contains("couldn't resolve module/action 'copyy'"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean: copy?"), e.getMessage());
    }

    @Test
    void unknownModuleArgumentIsRefusedListingTheSupportedOnes() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - file:
                        path: /tmp/x
                        stat: directory
                """);
        assertAt(e, dir.resolve("site.yml"), 3);
        assertTrue(e.getMessage().contains("Unsupported parameters for (file) module: stat"), e.getMessage());
        assertTrue(e.getMessage().contains("state"), e.getMessage());
    }

    @Test
    void missingRequiredArgumentIsRefused() throws IOException {
        PlaybookError e = loadFails("- hosts: all\n  tasks:\n    - copy: content=x\n");
        assertAt(e, dir.resolve("site.yml"), 3);
        assertTrue(e.getMessage().contains("missing required arguments: dest"), e.getMessage());
    }

    @Test
    void choiceOutsideItsValuesIsRefused() throws IOException {
        PlaybookError e = loadFails("- hosts: all\n  tasks:\n    - file: path=/x state=present\n");
        assertTrue(e.getMessage().contains("value of state must be one of"), e.getMessage());
    }

    @Test
    void templatedChoiceIsNotCheckedBeforeTheRun() throws IOException {
        Path file = dir.resolve("site.yml");
        Files.writeString(file, "- hosts: all\n  tasks:\n    - file: path=/x state={{ wanted }}\n");
        new PlaybookLoader(FakeModules.registry()).load(file);
    }

    @Test
    void nonKeyValueWordsForANonFreeFormModuleAreRefused() throws IOException {
        PlaybookError e = loadFails("- hosts: all\n  tasks:\n    - copy: /etc/a /etc/b\n");
        assertTrue(e.getMessage().contains("'/etc/a' is not in key=value form"), e.getMessage());
    }

    @Test
    void missingRoleListsWhereItLooked() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  roles:
                    - nosuchrole
                """);
        assertAt(e, dir.resolve("site.yml"), 2);
        assertTrue(e.getMessage().contains("role 'nosuchrole' not found"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("roles").resolve("nosuchrole").toString()), e.getMessage());
    }

    @Test
    void missingImportedTaskFileIsRefusedAtItsLine() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - debug: msg=first
                    - import_tasks: missing.yml
                """);
        assertAt(e, dir.resolve("site.yml"), 4);
        assertTrue(e.getMessage().contains("task file 'missing.yml' not found"), e.getMessage());
    }

    @Test
    void missingFileOfTheOldStaticIncludeIsRefusedBeforeTheRun() throws IOException {
        PlaybookError e = loadFails("- hosts: all\n  tasks:\n    - include: missing.yml\n");
        assertAt(e, dir.resolve("site.yml"), 3);
    }

    @Test
    void errorInsideATaskFileNamesThatFile() throws IOException {
        Files.writeString(dir.resolve("inc.yml"), "- debug: msg=ok\n- name: bad\n  debugg: msg=x\n");
        PlaybookError e = loadFails("- hosts: all\n  tasks:\n    - import_tasks: inc.yml\n");
        assertAt(e, dir.resolve("inc.yml"), 3);
    }

    @Test
    void varsPromptOptionsLvsplayDoesNotActOnAreRefusedWithAHint() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  vars_prompt:
                    - name: pw
                      prompt: Password?
                      encrypt: sha512_crypt
                  tasks: []
                """);
        assertTrue(e.getMessage().contains("lvsplay does not support vars_prompt 'encrypt'"), e.getMessage());
        assertTrue(e.getMessage().contains("-e"), e.getMessage());
    }

    @Test
    void playWithoutHostsIsRefused() throws IOException {
        PlaybookError e = loadFails("- name: nowhere\n  tasks: []\n");
        assertAt(e, dir.resolve("site.yml"), 1);
    }

    @Test
    void importTasksWithATemplatedPathIsRefused() throws IOException {
        PlaybookError e = loadFails("- hosts: all\n  tasks:\n    - import_tasks: \"{{ f }}.yml\"\n");
        assertTrue(e.getMessage().contains("use include_tasks"), e.getMessage());
    }

    @Test
    void missingVarsFileIsRefused() throws IOException {
        PlaybookError e = loadFails("- hosts: all\n  vars_files:\n    - nope.yml\n");
        assertAt(e, dir.resolve("site.yml"), 2);
    }

    @Test
    void nonNumericRetriesIsRefused() throws IOException {
        PlaybookError e = loadFails("""
                - hosts: all
                  tasks:
                    - command: /bin/true
                      until: r is success
                      retries: many
                """);
        assertAt(e, dir.resolve("site.yml"), 5);
    }
}
