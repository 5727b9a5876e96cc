package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import org.junit.jupiter.api.Test;

/** Task keywords whose values are templates or numbers Ansible converts: retries, delay, until. */
class TaskKeywordsTest extends SemanticsTestBase {

    @Test
    void retriesMayBeATemplateAndDelayAFloat() {
        LvsplayRun.Result r = run("until-templated.yml");
        assertEquals(0, r.exitCode(), r.output());
        // retries 3: four runs, and Ansible reports attempts = 3 when until never held
        assertTrue(debugMessages(r).contains("attempts=3 runs=4 a=2"), r.stdout());
        assertEquals(3, count(r.stdout(), "FAILED - RETRYING: [h1]: never holds"), r.stdout());
        assertTrue(r.stdout().contains("FAILED - RETRYING: [h1]: never holds (1 retries left)."), r.stdout());
    }

    @Test
    void aDelayThatIsNoNumberFailsTheTaskWhenItRuns() {
        LvsplayRun.Result r = run("until-bad-delay.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("the field 'delay' has an invalid value (0.5)"), r.stdout());
    }
}
