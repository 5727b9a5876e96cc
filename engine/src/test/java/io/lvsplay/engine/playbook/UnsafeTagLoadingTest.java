package io.lvsplay.engine.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.template.UnsafeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ansible's "!unsafe" YAML tag in playbooks and vars files: strings that are never templated. */
class UnsafeTagLoadingTest {
    @TempDir
    Path dir;

    private Play load(String yaml) throws IOException {
        Path file = dir.resolve("play.yml");
        Files.writeString(file, yaml);
        return new PlaybookLoader(FakeModules.registry()).load(file).plays().get(0);
    }

    @Test
    void anUnsafeScalarInPlayVarsAndTaskArgsLoadsAsUnsafeText() throws IOException {
        Play play = load("""
                - hosts: all
                  vars:
                    raw: !unsafe '{{ x }}'
                  tasks:
                    - debug:
                        msg: !unsafe "{{ y }}"
                """);
        assertInstanceOf(UnsafeText.class, play.vars().get("raw"));
        assertEquals("{{ x }}", play.vars().get("raw").toString());
        Object msg = ((Task) play.tasks().get(0)).args().get("msg");
        assertInstanceOf(UnsafeText.class, msg);
        assertEquals("{{ y }}", msg.toString());
    }

    @Test
    void anUnsafeScalarIsAlwaysAStringNeverANumber() throws IOException {
        Play play = load("- hosts: all\n  vars:\n    n: !unsafe 12\n  tasks: []\n");
        assertEquals("12", play.vars().get("n"));
    }

    @Test
    void anUnsafeFlatMappingOrListHasAllItsStringsUnsafe() throws IOException {
        Play play = load("""
                - hosts: all
                  vars:
                    m: !unsafe {a: "{{ x }}", b: 1}
                    l: !unsafe ["{{ x }}", plain]
                  tasks: []
                """);
        Map<?, ?> m = (Map<?, ?>) play.vars().get("m");
        assertInstanceOf(UnsafeText.class, m.get("a"));
        assertEquals(1, m.get("b"));
        List<?> l = (List<?>) play.vars().get("l");
        assertInstanceOf(UnsafeText.class, l.get(0));
        assertEquals("plain", l.get(1));
    }

    @Test
    void unsafeOnACollectionHoldingAnotherIsRefusedWithItsLine() throws IOException {
        // Ansible 2.14 silently turns the inner list into [] here
        PlaybookError e = assertThrows(PlaybookError.class, () -> load("""
                - hosts: all
                  vars:
                    m: !unsafe {a: "{{ x }}", b: ["{{ x }}"]}
                  tasks: []
                """));
        assertTrue(e.getMessage().contains("play.yml:3"), e.getMessage());
        assertTrue(e.getMessage().contains("lvsplay does not support !unsafe on a mapping or list"), e.getMessage());
    }

    @Test
    void anUnsafeValueInAVarsFileLoadsAsUnsafeText() throws IOException {
        Files.writeString(dir.resolve("vars.yml"), "raw: !unsafe '{{ x }}'\n");
        Play play = load("- hosts: all\n  vars_files: [vars.yml]\n  tasks: []\n");
        assertInstanceOf(UnsafeText.class, play.varsFromFiles().get("raw"));
    }
}
