package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.read;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineinfileModuleTest {
    @TempDir
    Path dir;

    private final LineinfileModule lineinfile = new LineinfileModule();
    private final TestHost host = new TestHost(Path.of("/nonexistent"));

    private String edit(String before, Object... args) {
        Path f = dir.resolve("f");
        write(f, before);
        Map<String, Object> a = args(args);
        a.put("path", f.toString());
        host.run(lineinfile, a);
        String after = read(f);
        assertFalse(host.plan(lineinfile, a).changesSomething(), "second plan must be empty");
        return after;
    }

    @Test
    void regexpReplacesTheLastMatchingLine() {
        assertEquals("a=1\n#x\na=3\n", edit("a=1\n#x\na=2\n", "regexp", "^a=", "line", "a=3"));
    }

    @Test
    void firstmatchReplacesTheFirstMatchingLine() {
        assertEquals("a=3\na=2\n", edit("a=1\na=2\n", "regexp", "^a=", "line", "a=3", "firstmatch", true));
    }

    @Test
    void withoutAMatchTheLineIsAppendedAfterAMissingFinalNewline() {
        assertEquals("x\ny\n", edit("x", "line", "y"));
    }

    @Test
    void anExactLineIsNotAddedTwiceEvenWhenTheRegexpDoesNotMatch() {
        assertEquals("keep\ny\n", edit("keep\ny\n", "regexp", "^nomatch", "line", "y"));
    }

    @Test
    void insertafterPutsTheLineAfterTheLastAnchor() {
        assertEquals("[a]\n[b]\nnew\nz\n", edit("[a]\n[b]\nz\n", "line", "new", "insertafter", "^\\["));
    }

    @Test
    void insertbeforePutsTheLineBeforeTheLastAnchor() {
        assertEquals("a\nnew\nend\n", edit("a\nend\n", "line", "new", "insertbefore", "^end"));
    }

    @Test
    void insertbeforeBofPutsTheLineFirst() {
        assertEquals("new\na\n", edit("a\n", "line", "new", "insertbefore", "BOF"));
    }

    @Test
    void anUnmatchedAnchorAppendsAtTheEnd() {
        assertEquals("a\nnew\n", edit("a\n", "line", "new", "insertafter", "^zzz"));
    }

    @Test
    void backrefsFillInGroupsAndDoNothingWithoutAMatch() {
        assertEquals("port = 8080 # was 80\n",
                edit("port = 80\n", "regexp", "^port = (\\d+)$", "line", "port = 8080 # was \\1", "backrefs", true));
        assertEquals("other\n", edit("other\n", "regexp", "^port = (\\d+)$", "line", "x \\1", "backrefs", true));
    }

    @Test
    void pythonNamedGroupsWork() {
        assertEquals("k=new(v)\n", edit("k=v\n", "regexp", "^k=(?P<val>[a-z]+)$", "line", "k=new(\\g<val>)",
                "backrefs", true));
    }

    @Test
    void absentRemovesEveryMatchingLineAndCountsThem() {
        Path f = dir.resolve("f");
        write(f, "a\nb\na\n");
        Plan plan = host.plan(lineinfile, args("path", f.toString(), "line", "a", "state", "absent"));
        assertEquals(2, plan.result().get("found"));
        assertEquals("2 line(s) removed", plan.result().get("msg"));
        assertEquals(Diff.of(f.toString(), "a\nb\na\n", "b\n"), plan.changes().get(0).diff());
        host.apply(plan);
        assertEquals("b\n", read(f));
    }

    @Test
    void aMissingFileFailsUnlessCreateIsSet() {
        Path f = dir.resolve("sub/new.conf");
        assertThrows(ModuleFailure.class, () -> host.plan(lineinfile, args("path", f.toString(), "line", "x")));
        host.run(lineinfile, args("path", f.toString(), "line", "x", "create", true));
        assertEquals("x\n", read(f));
    }

    @Test
    void absentOnAMissingFileChangesNothing() {
        assertFalse(host.plan(lineinfile, args("path", dir.resolve("none").toString(), "line", "x",
                "state", "absent")).changesSomething());
    }
}
