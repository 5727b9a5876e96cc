package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** when: on tasks, on loop items, on registered results, with "is defined". */
class ConditionalsTest extends SemanticsTestBase {

    private LvsplayRun.Result r;

    @BeforeEach
    void runIt() {
        r = run("when.yml");
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void falseConditionSkipsTheHost() {
        assertTrue(r.stdout().contains("TASK [only on h1] ****"), r.stdout());
        assertTrue(r.stdout().contains("\"msg\": \"ran on h1\""), r.stdout());
        assertTrue(r.stdout().contains("skipping: [h2]"), r.stdout());
        assertTrue(!r.stdout().contains("ran on h2"), r.stdout());
    }

    @Test
    void conditionIsEvaluatedPerLoopItem() {
        assertTrue(r.stdout().contains("skipping: [h1] => (item=1)"), r.stdout());
        assertTrue(r.stdout().contains("ok: [h1] => (item=2)"), r.stdout());
        assertTrue(r.stdout().contains("ok: [h1] => (item=3)"), r.stdout());
        assertTrue(r.stdout().contains("skipping: [h2] => (item=3)"), r.stdout());
    }

    @Test
    void conditionOnARegisteredResult() {
        assertEquals(1, count(r.stdout(), "\"msg\": \"missing file detected\""), r.stdout());
    }

    @Test
    void skippedRegisteredResultHasNoRc() {
        int at = r.stdout().indexOf("TASK [react to the probe]");
        String section = r.stdout().substring(at, r.stdout().indexOf("TASK [", at + 1));
        assertTrue(section.contains("ok: [h1]"), section);
        assertTrue(section.contains("skipping: [h2]"), section);
    }

    @Test
    void isDefinedGuardsAnUndefinedVariable() {
        assertTrue(!r.stdout().contains("never shown"), r.stdout());
    }

    @Test
    void listOfConditionsMustAllHold() {
        assertEquals(List.of("both hold"), debugMessages(r).stream().filter(m -> m.equals("both hold")).toList());
        int at = r.stdout().indexOf("TASK [list of conditions are and-ed]");
        assertTrue(r.stdout().indexOf("skipping: [h1]", at) > at, r.stdout());
    }

    @Test
    void skipsAreCountedInTheRecap() {
        // h2: only-on-h1, per-item (all items skipped), probe, react-to-probe, is-defined
        assertEquals(5, r.recapValue("h2", "skipped"), r.stdout());
        // h1: is-defined, and-ed
        assertEquals(2, r.recapValue("h1", "skipped"), r.stdout());
    }
}
