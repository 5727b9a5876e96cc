package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** run_once, delegate_to, set_fact, serial and strategy: free. */
class ExecutionControlTest extends SemanticsTestBase {

    @Test
    void runOnceRunsOnTheFirstHostOnly() {
        LvsplayRun.Result r = run("run-once.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("h1\n", read("once-log"));
    }

    @Test
    void runOnceRegisterIsVisibleOnEveryHost() {
        LvsplayRun.Result r = run("run-once.yml");
        assertTrue(debugMessages(r).containsAll(List.of("h1 sees h1", "h2 sees h1")), r.stdout());
    }

    @Test
    void delegatedTaskRunsForEachHostAndSaysWhere() {
        LvsplayRun.Result r = run("run-once.yml");
        assertEquals(List.of("h1", "h2"), read("delegated-log").lines().sorted().toList());
        assertTrue(r.stdout().contains("changed: [h1 -> localhost]"), r.stdout());
        assertTrue(r.stdout().contains("changed: [h2 -> localhost]"), r.stdout());
    }

    @Test
    void setFactIsUsableByLaterTasksPerHost() {
        LvsplayRun.Result r = run("run-once.yml");
        assertTrue(debugMessages(r).containsAll(List.of("doubled=h1h1", "doubled=h2h2")), r.stdout());
    }

    @Test
    void serialOneFinishesAHostBeforeStartingTheNext() {
        LvsplayRun.Result r = run("serial.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(List.of("h1-first", "h1-second", "h2-first", "h2-second"), read("order").lines().toList());
        assertEquals(2, r.changed("h1"), r.stdout());
        assertEquals(2, r.changed("h2"), r.stdout());
    }

    @Test
    void freeStrategyRunsEveryTaskOnEveryHost() {
        LvsplayRun.Result r = run("free.yml");
        assertEquals(0, r.exitCode(), r.output());
        for (String f : List.of("h1-first", "h1-second", "h2-first", "h2-second")) {
            assertTrue(Files.exists(file(f)), f);
        }
        assertEquals(2, r.changed("h1"), r.stdout());
        assertEquals(2, r.changed("h2"), r.stdout());
    }
}
