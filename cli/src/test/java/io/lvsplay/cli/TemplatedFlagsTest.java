package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import org.junit.jupiter.api.Test;

/** Boolean keywords written as templates are rendered per host when the task runs, as Ansible does. */
class TemplatedFlagsTest extends SemanticsTestBase {

    @Test
    void templatedIgnoreErrorsNoLogCheckModeAndRunOnceTakeTheirRenderedValue() {
        LvsplayRun.Result r = run("flags-templated.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(1, r.recapValue("h1", "ignored"), r.stdout());
        assertFalse(r.stdout().contains("the-secret-text"), r.stdout());
        assertTrue(r.stdout().contains("the output has been hidden"), r.stdout());
        assertFalse(file("touched-h1").toFile().exists());
        assertTrue(file("once-h1").toFile().exists());
        assertFalse(file("once-h2").toFile().exists());
        assertFalse(r.stdout().contains("Gathering Facts"), r.stdout());
    }

    @Test
    void templatedGatherFactsIsRenderedWhenThePlayStarts() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("flags-templated.yml", "-e", "gather=yes");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("Gathering Facts"), r.stdout());
    }

    @Test
    void aTemplateThatGivesNoBooleanFailsTheTaskWithAnsiblesMessage() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("flags-templated.yml", "-e", "bad=true");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("the field 'ignore_errors' has an invalid value (maybe)"), r.stdout());
    }
}
