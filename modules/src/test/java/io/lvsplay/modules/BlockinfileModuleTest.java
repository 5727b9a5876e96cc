package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.read;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockinfileModuleTest {
    @TempDir
    Path dir;

    private final BlockinfileModule blockinfile = new BlockinfileModule();
    private final TestHost host = new TestHost(Path.of("/nonexistent"));

    private String edit(String before, Object... args) {
        Path f = dir.resolve("f");
        write(f, before);
        Map<String, Object> a = args(args);
        a.put("path", f.toString());
        host.run(blockinfile, a);
        assertFalse(host.plan(blockinfile, a).changesSomething(), "second plan must be empty");
        return read(f);
    }

    @Test
    void theBlockIsAppendedBetweenMarkers() {
        assertEquals("top\n# BEGIN ANSIBLE MANAGED BLOCK\na\nb\n# END ANSIBLE MANAGED BLOCK\n",
                edit("top", "block", "a\nb\n"));
    }

    @Test
    void anExistingBlockIsReplacedInPlace() {
        assertEquals("x\n# BEGIN ANSIBLE MANAGED BLOCK\nnew\n# END ANSIBLE MANAGED BLOCK\ny\n",
                edit("x\n# BEGIN ANSIBLE MANAGED BLOCK\nold\n# END ANSIBLE MANAGED BLOCK\ny\n", "block", "new"));
    }

    @Test
    void customMarkersAndInsertbeforeAreHonoured() {
        assertEquals("; <<< vip\nv\n; >>> vip\n[x]\n",
                edit("[x]\n", "block", "v", "marker", "; {mark} vip", "marker_begin", "<<<", "marker_end", ">>>",
                        "insertbefore", "^\\[x\\]"));
    }

    @Test
    void insertafterPlacesTheBlockAfterTheLastMatch() {
        assertEquals("a\nb\n# BEGIN ANSIBLE MANAGED BLOCK\nz\n# END ANSIBLE MANAGED BLOCK\nc\n",
                edit("a\nb\nc\n", "block", "z", "insertafter", "^[ab]$"));
    }

    @Test
    void stateAbsentRemovesTheBlockAndItsMarkers() {
        assertEquals("x\ny\n", edit("x\n# BEGIN ANSIBLE MANAGED BLOCK\nold\n# END ANSIBLE MANAGED BLOCK\ny\n",
                "state", "absent"));
    }

    @Test
    void anEmptyBlockRemovesTheBlockToo() {
        assertEquals("x\n", edit("x\n# BEGIN ANSIBLE MANAGED BLOCK\nold\n# END ANSIBLE MANAGED BLOCK\n", "block", ""));
    }

    @Test
    void theBlockKeepsItsOwnLineEndings() {
        java.util.List<String> out = BlockinfileModule.edit(java.util.List.of("unix\n"), "# BEGIN", "# END",
                "dos\r\ndos\r\n", null, null);
        assertEquals(java.util.List.of("unix\n", "# BEGIN\n", "dos\r\n", "dos\r\n", "# END\n"), out);
    }

    @Test
    void aMultilineInsertafterIsSearchedInTheWholeTextElseLineByLine() {
        String text = "A =\n  (LIST =\n    x\nB =\n  (LIST =\n";
        assertEquals("A =\n  (LIST =\n# BEGIN ANSIBLE MANAGED BLOCK\nnew\n# END ANSIBLE MANAGED BLOCK\n    x\nB =\n  (LIST =\n",
                edit(text, "block", "new", "insertafter", "(?m)A =\\n.*\\(LIST ="));
        // without (?m) each line is searched alone, so a pattern across lines never matches: end of file
        assertEquals(text + "# BEGIN ANSIBLE MANAGED BLOCK\nnew\n# END ANSIBLE MANAGED BLOCK\n",
                edit(text, "block", "new", "insertafter", "A =\\n.*\\(LIST ="));
    }
}
