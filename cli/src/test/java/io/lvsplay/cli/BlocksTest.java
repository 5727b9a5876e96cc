package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** block / rescue / always and ignore_errors, with their PLAY RECAP counters. */
class BlocksTest extends SemanticsTestBase {

    @Test
    void rescueRunsAfterAFailureAndTheHostCarriesOn() {
        LvsplayRun.Result r = run("blocks.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertFalse(Files.exists(file("not-reached")));
        assertTrue(Files.exists(file("rescued")));
        assertTrue(Files.exists(file("always")));
        assertTrue(Files.exists(file("after")));
    }

    @Test
    void rescuedFailureCountsAsRescuedNotFailed() {
        LvsplayRun.Result r = run("blocks.yml");
        assertEquals(1, r.recapValue("h1", "rescued"), r.stdout());
        assertEquals(0, r.recapValue("h1", "failed"), r.stdout());
    }

    @Test
    void rescueSeesTheFailedTaskAndItsResult() {
        LvsplayRun.Result r = run("blocks.yml");
        assertTrue(debugMessages(r).contains("rescued from breaks rc=1"), r.output());
    }

    @Test
    void alwaysRunsEvenWithoutRescueButTheHostStaysFailed() {
        LvsplayRun.Result r = run("block-no-rescue.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(Files.exists(file("always")));
        assertFalse(Files.exists(file("after")));
        assertEquals(1, r.recapValue("h1", "failed"), r.stdout());
    }

    @Test
    void rescueDoesNotRunWhenTheBlockSucceeds() {
        LvsplayRun.Result r = run("block-ok.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertFalse(Files.exists(file("rescued")));
        assertTrue(Files.exists(file("always")));
        assertEquals(0, r.recapValue("h1", "rescued"), r.stdout());
    }

    @Test
    void failingRescueCountsOneRescuedAndOneFailed() {
        // ansible-playbook 2.14: h1 : ok=0 changed=0 ... failed=1 ... rescued=1
        LvsplayRun.Result r = run("rescue-fails.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertEquals(1, r.recapValue("h1", "failed"), r.stdout());
        assertEquals(1, r.recapValue("h1", "rescued"), r.stdout());
    }

    @Test
    void ignoredFailureCountsAsIgnoredAndTheHostCarriesOn() {
        LvsplayRun.Result r = run("ignore-errors.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("...ignoring"), r.stdout());
        assertTrue(debugMessages(r).contains("failed=True rc=1"), r.stdout());
        assertEquals(1, r.recapValue("h1", "ignored"), r.stdout());
        assertEquals(0, r.recapValue("h1", "failed"), r.stdout());
        assertEquals(2, r.recapValue("h1", "ok"), r.stdout());
    }

    @Test
    void clearHostErrorsInAlwaysForgetsTheFailureThatLedThere() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("clear-host-errors-always.yml");
        assertTrue(debugMessages(r).contains("continued on h1"), r.stdout());
    }
}
