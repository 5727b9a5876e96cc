package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import org.junit.jupiter.api.Test;

/** async / poll and async_status. */
class AsyncTest extends SemanticsTestBase {

    @Test
    void pollZeroStartsTheJobAndAsyncStatusReadsItBack() {
        LvsplayRun.Result r = run("async.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(debugMessages(r).contains("early=False started=1 finished=0 out=finished changed=True polled=polled 1"
                + " slow=async task did not complete within the requested time - 1s missing=could not find job"),
                r.stdout());
    }

    @Test
    void asyncOnATaskThatRunsOnTheControllerFails() {
        LvsplayRun.Result r = run("async-debug.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("async is not supported for this task."), r.stdout());
    }
}
