package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** register, changed_when, failed_when, until/retries/delay. */
class ResultConditionsTest extends SemanticsTestBase {

    @Test
    void changedWhenFalseReportsOk() {
        LvsplayRun.Result r = run("results.yml");
        assertEquals(0, r.exitCode(), r.output());
        int at = r.stdout().indexOf("TASK [a command that changes nothing]");
        assertTrue(r.stdout().startsWith("ok: [h1]", r.stdout().indexOf('\n', at) + 1), r.stdout());
    }

    @Test
    void failedWhenFalseTurnsAFailingCommandIntoASuccess() {
        LvsplayRun.Result r = run("results.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(debugMessages(r).contains("rc was 1, failed=False"), r.stdout());
        assertEquals(0, r.recapValue("h1", "failed"), r.stdout());
    }

    @Test
    void changedWhenOnRegisteredOutput() {
        LvsplayRun.Result r = run("results.yml");
        int at = r.stdout().indexOf("TASK [changed only when the output says so]");
        assertTrue(r.stdout().startsWith("changed: [h1]", r.stdout().indexOf('\n', at) + 1), r.stdout());
    }

    @Test
    void untilRetriesUntilTheConditionHolds() {
        LvsplayRun.Result r = run("results.yml");
        assertTrue(debugMessages(r).contains("attempts=3 stdout=3"), r.stdout());
    }

    @Test
    void recapCountsEachTaskOnce() {
        LvsplayRun.Result r = run("results.yml");
        assertEquals(6, r.recapValue("h1", "ok"), r.stdout());
        // the tolerated /bin/false still ran a command: Ansible reports it changed
        assertEquals(3, r.recapValue("h1", "changed"), r.stdout());
    }

    @Test
    void failedWhenTrueFailsTheTaskAndStopsTheHost() {
        LvsplayRun.Result r = run("failed-when.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("fatal: [h1]: FAILED!"), r.stdout());
        assertEquals(1, r.recapValue("h1", "failed"), r.stdout());
        assertFalse(Files.exists(file("after-failure")));
    }

    @Test
    void untilThatNeverHoldsFailsAfterRetriesPlusOneRunsReportingRetriesAttempts() {
        LvsplayRun.Result r = run("until-exhausted.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("\"attempts\": 2"), r.stdout());
    }
}
