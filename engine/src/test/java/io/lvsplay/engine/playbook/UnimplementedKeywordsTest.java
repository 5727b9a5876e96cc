package io.lvsplay.engine.playbook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keywords Ansible acts on and lvsplay does not: refused at load time, never accepted and ignored. */
class UnimplementedKeywordsTest {
    @TempDir
    Path dir;

    private PlaybookError refused(String yaml) throws Exception {
        Path file = dir.resolve("site.yml");
        Files.writeString(file, yaml);
        return assertThrows(PlaybookError.class, () -> new PlaybookLoader(FakeModules.registry()).load(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"become_method: su", "become_flags: '-H'",
            "module_defaults: {}", "delegate_facts: true", "remote_user: bob",
            "connection: docker", "debugger: on_failed", "port: 2222"})
    void aTaskKeywordLvsplayDoesNotActOnIsRefusedWithItsLine(String keyword) throws Exception {
        PlaybookError e = refused("- hosts: all\n  tasks:\n    - name: t\n      ping:\n      " + keyword + "\n");
        assertEquals(5, e.location().line(), e.getMessage());
        assertTrue(e.getMessage().contains("lvsplay does not support the task keyword '" + keyword.split(":")[0]),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"become_method: su", "gather_subset: min", "connection: paramiko", "connection: winrm"})
    void aPlayKeywordLvsplayDoesNotActOnIsRefused(String keyword) throws Exception {
        PlaybookError e = refused("- hosts: all\n  " + keyword + "\n  tasks: []\n");
        assertEquals(2, e.location().line(), e.getMessage());
        assertTrue(e.getMessage().contains("lvsplay does not support the play keyword"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aTaskTimeoutIsAcceptedButNotOnAPlay() throws Exception {
        Path file = dir.resolve("ok.yml");
        Files.writeString(file, "- hosts: all\n  tasks:\n    - command: sleep 1\n      timeout: 5\n");
        assertDoesNotThrow(() -> new PlaybookLoader(FakeModules.registry()).load(file));
        PlaybookError e = refused("- hosts: all\n  timeout: 5\n  tasks: []\n");
        assertEquals(2, e.location().line(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"become_method: sudo", "order: inventory", "force_handlers: false", "connection: ssh",
            "remote_user: root", "any_errors_fatal: true"})
    void theValuesThatMeanAnsiblesDefaultAreAccepted(String keyword) throws Exception {
        accepted(keyword);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order: sorted", "order: '{{ o }}'", "force_handlers: true", "max_fail_percentage: 10",
            "max_fail_percentage: '30%'", "throttle: 2", "connection: local", "strategy: host_pinned",
            "strategy: '{{ s }}'"})
    void implementedPlayKeywordsAreAccepted(String keyword) throws Exception {
        accepted(keyword);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order: random", "strategy: debug", "max_fail_percentage: lots", "throttle: x"})
    void aValueAnsibleWouldRejectIsRefusedAtLoadTime(String keyword) throws Exception {
        PlaybookError e = refused("- hosts: all\n  " + keyword + "\n  tasks: []\n");
        assertEquals(2, e.location().line(), e.getMessage());
    }

    private void accepted(String keyword) throws Exception {
        Path file = dir.resolve("ok.yml");
        Files.writeString(file, "- hosts: all\n  " + keyword + "\n  tasks: []\n");
        assertDoesNotThrow(() -> new PlaybookLoader(FakeModules.registry()).load(file));
    }
}
