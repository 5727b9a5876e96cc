package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** loop, with_items, with_dict, loop_control, registering a loop. */
class LoopsTest extends SemanticsTestBase {

    private LvsplayRun.Result r;

    @BeforeEach
    void runIt() {
        r = run("loops.yml");
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void loopRunsTheTaskOncePerItemOnEveryHost() {
        for (String host : List.of("h1", "h2")) {
            assertEquals("red\n", read(host + "-red.txt"));
            assertEquals("green\n", read(host + "-green.txt"));
        }
        assertTrue(r.stdout().contains("changed: [h1] => (item=red)"), r.stdout());
        assertTrue(r.stdout().contains("changed: [h2] => (item=green)"), r.stdout());
    }

    @Test
    void withItemsFlattensNestedLists() {
        assertTrue(debugMessages(r).containsAll(List.of("flat a", "flat b", "flat c")), r.stdout());
    }

    @Test
    void loopKeepsNestedListsWhole() {
        assertTrue(debugMessages(r).contains("nested 2"), r.stdout());
    }

    @Test
    void withDictIteratesKeyValuePairs() {
        assertTrue(debugMessages(r).containsAll(List.of("http=80", "https=443")), r.stdout());
    }

    @Test
    void loopVarRenamesTheItemAndLabelReplacesItInTheOutput() {
        assertTrue(debugMessages(r).containsAll(List.of("user alice has 1001", "user bob has 1002")), r.stdout());
        assertTrue(r.stdout().contains("ok: [h1] => (item=alice)"), r.stdout());
        assertFalse(r.stdout().contains("(item={\"name\": \"alice\""), r.stdout());
    }

    @Test
    void registeredLoopHoldsOneResultPerItem() {
        assertTrue(debugMessages(r).contains("x,y,z"), r.stdout());
    }

    @Test
    void ansibleLoopGivesIndexAndLength() {
        assertTrue(debugMessages(r).containsAll(List.of("1/2 first=True", "2/2 first=False")), r.stdout());
    }

    @Test
    void itemLabelOfADictIsCompactJson() {
        assertTrue(r.stdout().contains("(item={\"key\": \"http\", \"value\": 80})"), r.stdout());
    }

    @Test
    void loopedTaskCountsOnceInTheRecap() {
        // h2 ran only "one file per item" (changed) and skipped the 7 other tasks
        assertEquals(1, r.recapValue("h2", "ok"), r.stdout());
        assertEquals(1, r.recapValue("h2", "changed"), r.stdout());
        assertEquals(7, r.recapValue("h2", "skipped"), r.stdout());
        assertTrue(Files.exists(file("h2-red.txt")));
    }
}
