package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import org.junit.jupiter.api.Test;

/**
 * Task results and what they leave behind, as ansible-playbook 2.14 shows them: group_by/add_host
 * in the in-memory inventory, assert's output, failed_when errors, debug never setting facts,
 * register names, --list-tasks/--list-tags, and serial templated to omit.
 */
class ResultsAndInventoryTest extends SemanticsTestBase {

    @Test
    void groupByAndAddHostChangeTheInventoryForLaterPlays() {
        LvsplayRun.Result r = run("execb/inventory-changes.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(debugMessages(r).contains("first=True again=False names=by-h1,web"), r.stdout());
        // add_host runs once for the task: only the first host has its registered result
        assertTrue(debugMessages(r).contains("added=True extra=added1 colour=blue"), r.stdout());
        assertTrue(debugMessages(r).contains("added=False extra=added1 colour=blue"), r.stdout());
        assertTrue(debugMessages(r).contains("later play on added1 port=2222 groups=extra,more"), r.stdout());
        assertTrue(debugMessages(r).contains("group_by group holds h2"), r.stdout());
        assertFalse(debugMessages(r).contains("group_by group holds h1"), r.stdout());
    }

    @Test
    void assertShowsItsResultUnlessQuiet() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("execb/assert-output.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("TASK [quiet assert] ***"), r.stdout());
        assertTrue(r.stdout().contains("ok: [h1] => (item=a)\n\nTASK [loud assert]"), r.stdout());
        assertTrue(r.stdout().contains("ok: [h1] => {\n    \"changed\": false,\n    \"msg\": \"all good\"\n}"), r.stdout());
        assertTrue(r.stdout().contains("fatal: [h1]: FAILED! => {\n    \"assertion\": \"1 == 2\",\n    \"changed\": false,\n"
                + "    \"evaluated_to\": false,\n    \"msg\": \"not equal\"\n}\n...ignoring"), r.stdout());
    }

    @Test
    void aFailedWhenThatCannotBeEvaluatedFailsKeepingTheResult() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("execb/results.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(debugMessages(r).contains("failed=True stdout=foo why=The conditional check 'no_such_thing' failed. "
                + "The error was: error while evaluating conditional (no_such_thing): 'no_such_thing' is undefined"), r.stdout());
    }

    @Test
    void debugOfAnsibleFactsSetsNoFacts() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("execb/results.yml");
        assertTrue(debugMessages(r).contains("nonfact defined=False"), r.stdout());
    }

    @Test
    void aRegisterThatIsNoVariableNameIsRefusedAtLoad() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("execb/bad-register.yml");
        assertEquals(5, r.exitCode(), r.output());
        assertTrue(r.output().contains("bad-register.yml:5"), r.output());
        assertTrue(r.output().contains("Invalid variable name in 'register' specified: '200'"), r.output());
    }

    @Test
    void listTasksPrintsSelectedTasksWithSortedTagsLikeAnsiblePlaybook() {
        LvsplayRun.Result r = run("execb/list-tags.yml", "--list-tasks");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains(": web\tTAGS: [play]\n    tasks:\n"
                + "      tagged\tTAGS: [alpha, play, zeta]\n"
                + "      untagged\tTAGS: [play]\n"
                + "      in block\tTAGS: [blk, play]\n"
                + "      templated\tTAGS: [play, t3]\n"), r.stdout());
        assertFalse(r.stdout().contains("hidden"), r.stdout());
    }

    @Test
    void listTasksHonoursTagsAndListTagsSumsThemUp() {
        LvsplayRun.Result r = run("execb/list-tags.yml", "--list-tasks", "--tags", "t3,never");
        assertTrue(r.stdout().contains("    tasks:\n      templated\tTAGS: [play, t3]\n      hidden\tTAGS: [never, play]\n"),
                r.stdout());
        LvsplayRun.Result tags = run("execb/list-tags.yml", "--list-tags");
        assertTrue(tags.stdout().contains("      TASK TAGS: [alpha, blk, play, t3, zeta]\n"), tags.stdout());
    }

    @Test
    void serialTemplatedToOmitMeansNoBatches() {
        LvsplayRun.Result r = run("execb/serial-omit.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(1, r.stdout().split("PLAY \\[web]", -1).length - 1, r.stdout());
        LvsplayRun.Result batched = run("execb/serial-omit.yml", "-e", "batch=1");
        assertEquals(2, batched.stdout().split("PLAY \\[web]", -1).length - 1, batched.stdout());
    }
}
