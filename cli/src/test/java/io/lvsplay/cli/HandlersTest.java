package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** notify, handlers, listen, meta: flush_handlers. */
class HandlersTest extends SemanticsTestBase {

    @Test
    void handlerNotifiedTwiceRunsOnceAfterTheLastTask() {
        LvsplayRun.Result r = run("handlers.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("restart\n", read("h1-restarts"));
        assertEquals("restart\n", read("h2-restarts"));
        assertTrue(lineOf(r, "RUNNING HANDLER [record restart]") > lineOf(r, "TASK [last task]"), r.stdout());
        assertEquals(1, count(r.stdout(), "RUNNING HANDLER [record restart]"), r.stdout());
    }

    @Test
    void handlerOfAnUnchangedTaskDoesNotRun() {
        LvsplayRun.Result r = run("handlers.yml");
        assertFalse(Files.exists(file("h1-never")));
        assertFalse(r.stdout().contains("RUNNING HANDLER [never notified]"), r.stdout());
    }

    @Test
    void listenTopicTriggersTheHandler() {
        run("handlers.yml");
        assertEquals("heard\n", read("h1-heard"));
        assertEquals("heard\n", read("h2-heard"));
    }

    @Test
    void handlerRunsOnlyOnTheHostsThatNotifiedIt() {
        LvsplayRun.Result r = run("handlers.yml");
        assertTrue(Files.exists(file("h1-h1only")));
        assertFalse(Files.exists(file("h2-h1only")));
        int at = r.stdout().indexOf("RUNNING HANDLER [h1 only]");
        assertFalse(r.stdout().substring(at, r.stdout().indexOf("PLAY RECAP")).contains("[h2]"), r.stdout());
    }

    @Test
    void handlersRunInTheOrderTheyAreDefined() {
        LvsplayRun.Result r = run("handlers.yml");
        assertTrue(lineOf(r, "RUNNING HANDLER [record restart]") < lineOf(r, "RUNNING HANDLER [listener]"), r.stdout());
        assertTrue(lineOf(r, "RUNNING HANDLER [listener]") < lineOf(r, "RUNNING HANDLER [h1 only]"), r.stdout());
    }

    @Test
    void flushHandlersRunsNotifiedHandlersRightAway() {
        LvsplayRun.Result r = run("flush.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(debugMessages(r).contains("marker=m"), r.stdout());
    }

    @Test
    void handlerNotifiedAgainAfterAFlushRunsAgainAtTheEnd() {
        run("flush.yml");
        assertEquals("m\nm\n", read("marker"));
    }

    @Test
    void handlersAreNotRunOnAHostThatFailed() {
        LvsplayRun.Result r = run("handler-then-fail.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertFalse(Files.exists(file("handled")));
    }

    @Test
    void everyHandlerListeningToATopicRuns() {
        LvsplayRun.Result r = run("handlers-listen-all.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(debugMessages(r).contains("first=True second=True"), r.stdout());
    }

    @Test
    void notifyingAHandlerThatDoesNotExistEndsTheRun() {
        LvsplayRun.Result r = run("handlers-missing.yml");
        assertTrue(r.exitCode() != 0, r.output());
        assertTrue(r.output().contains("ERROR! The requested handler 'no_such_handler' was not found in either the"
                + " main handlers list nor in the listening handlers list"), r.output());
    }

    @Test
    void aBlockInsideAHandlerBlockIsRefusedAtLoadTime() {
        LvsplayRun.Result r = run("handlers-nested-block.yml");
        assertEquals(5, r.exitCode(), r.output());
        assertTrue(r.output().contains("ERROR! Using a block as a handler is not supported."), r.output());
    }
}
