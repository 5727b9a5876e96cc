package io.lvsplay.engine.playbook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argument errors Ansible finds only when the task runs are load-time errors unless the task's
 * failure is handled (ignore_errors, failed_when, a block with rescue); then they are left for run time.
 */
class HandledArgumentErrorsTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("site.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private PlaybookError refused(String yaml) throws IOException {
        Path file = write(yaml);
        return assertThrows(PlaybookError.class, () -> new PlaybookLoader(FakeModules.registry()).load(file));
    }

    private void loads(String yaml) throws IOException {
        Path file = write(yaml);
        assertDoesNotThrow(() -> new PlaybookLoader(FakeModules.registry()).load(file));
    }

    @Test
    void aMissingRequiredArgumentOfAnUnhandledTaskIsRefusedAtItsLine() throws IOException {
        PlaybookError e = refused("""
                - hosts: all
                  tasks:
                    - debug: msg=first
                    - file:
                        state: touch
                """);
        assertEquals(4, e.location().line(), e.getMessage());
        assertTrue(e.getMessage().contains("missing required arguments: path"), e.getMessage());
    }

    @Test
    void aBadValueInABlockWithoutRescueIsRefused() throws IOException {
        PlaybookError e = refused("""
                - hosts: all
                  tasks:
                    - block:
                        - file: path=/x state=bogus
                      always:
                        - debug: msg=always
                """);
        assertTrue(e.getMessage().contains("value of state must be one of"), e.getMessage());
    }

    @Test
    void ignoreErrorsLiteralOrTemplatedLeavesTheErrorForRunTime() throws IOException {
        loads("""
                - hosts: all
                  tasks:
                    - file:
                        state: hard
                      ignore_errors: yes
                    - file: path=/x state=bogus
                      ignore_errors: "{{ tolerate }}"
                """);
    }

    @Test
    void failedWhenLeavesTheErrorForRunTime() throws IOException {
        loads("""
                - hosts: all
                  tasks:
                    - debug: msg=a var=b
                      register: r
                      failed_when: false
                """);
    }

    @Test
    void aBlockWithRescueHandlesItsBodyButNotItsRescue() throws IOException {
        loads("""
                - hosts: all
                  tasks:
                    - block:
                        - block:
                            - copy: dest=/x
                      rescue:
                        - debug: msg=rescued
                """);
        PlaybookError e = refused("""
                - hosts: all
                  tasks:
                    - block:
                        - debug: msg=fails
                      rescue:
                        - copy: dest=/x
                """);
        assertTrue(e.getMessage().contains("one of the following is required: src, content"), e.getMessage());
    }

    @Test
    void ignoreErrorsOnThePlayOrABlockCoversItsTasks() throws IOException {
        loads("""
                - hosts: all
                  ignore_errors: true
                  tasks:
                    - file: state=touch
                - hosts: all
                  tasks:
                    - block:
                        - file: state=touch
                      ignore_errors: true
                """);
    }

    @Test
    void anUnknownArgumentIsAnsiblesRunTimeErrorToo() throws IOException {
        loads("""
                - hosts: all
                  tasks:
                    - file: path=/x bogus=1
                      ignore_errors: true
                """);
        refused("""
                - hosts: all
                  tasks:
                    - file: path=/x bogus=1
                """);
    }

    @Test
    void anArgumentLvsplayDoesNotImplementIsRefusedEvenWhenHandled() throws IOException {
        PlaybookError e = refused("""
                - hosts: all
                  tasks:
                    - block:
                        - template: src=a dest=/b output_encoding=latin-1
                          ignore_errors: true
                      rescue:
                        - debug: msg=rescued
                """);
        assertTrue(e.getMessage().contains("lvsplay does not support argument 'output_encoding'"), e.getMessage());
    }
}
