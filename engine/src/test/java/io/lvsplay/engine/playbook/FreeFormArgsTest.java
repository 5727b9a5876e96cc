package io.lvsplay.engine.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ansible's key=value argument strings. */
class FreeFormArgsTest {

    @Test
    void splitsOnSpacesOutsideQuotes() {
        assertEquals(List.of("a=1", "b='x y'", "c=\"p q\""), FreeFormArgs.split("a=1 b='x y' c=\"p q\""));
    }

    @Test
    void keepsJinjaExpressionsWhole() {
        assertEquals(List.of("msg={{ a ~ ' ' ~ b }}", "x=1"), FreeFormArgs.split("msg={{ a ~ ' ' ~ b }} x=1"));
    }

    @Test
    void unquotesValues() {
        assertEquals(Map.of("dest", "/tmp/a b", "mode", "0644"),
                FreeFormArgs.parse("dest='/tmp/a b' mode=0644", false, List.of()));
    }

    @Test
    void freeFormKeepsUnknownWordsAsTheRawCommand() {
        assertEquals(Map.of("_raw_params", "grep -q x=1 /etc/f", "chdir", "/tmp"),
                FreeFormArgs.parse("grep -q x=1 /etc/f chdir=/tmp", true, List.of("chdir")));
    }

    @Test
    void freeFormKeepsQuotedArgumentsQuoted() {
        assertEquals(Map.of("_raw_params", "echo 'a b'"), FreeFormArgs.parse("echo 'a b'", true, List.of()));
    }

    @Test
    void nonFreeFormRejectsBareWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FreeFormArgs.parse("dest=/x hello", false, List.of()));
        assertEquals("'hello' is not in key=value form", e.getMessage());
    }

    @Test
    void valueMayContainEqualsSigns() {
        assertEquals(Map.of("line", "a=b"), FreeFormArgs.parse("line=a=b", false, List.of()));
    }

    @Test
    void aMultiLineCommandKeepsLineEndsAndJoinsBackslashContinuedLinesAsAnsibleDoes() {
        String text = "echo this is a \\\n\"multiline echo\" \\\n\"with a new line\nin quotes\" \\\n| cat\necho second\n";
        assertEquals(Map.of("_raw_params", "echo this is a \"multiline echo\" \"with a new line\nin quotes\" | cat\necho second\n"),
                FreeFormArgs.parse(text, true, List.of("chdir")));
    }

    @Test
    void aMultiLineCommandStillGivesUpItsKnownKeys() {
        assertEquals(Map.of("_raw_params", "echo a\necho b\n", "chdir", "/tmp"),
                FreeFormArgs.parse("echo a\necho b\nchdir=/tmp\n", true, List.of("chdir")));
    }
}
