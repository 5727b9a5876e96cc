package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Idioms of real playbooks: accumulating set_fact, multi-line shell, index_var, run_once and any_errors_fatal failures. */
class AnsibleIdiomsTest extends SemanticsTestBase {

    @Test
    void setFactInALoopAccumulatesAcrossItems() {
        LvsplayRun.Result r = run("fixes.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(debugMessages(r).contains("acc=a,b,c"), r.stdout());
    }

    @Test
    void aMultiLineShellScriptRunsLineByLine() {
        LvsplayRun.Result r = run("fixes.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("first\nsecond\n", read("multi.txt"));
    }

    @Test
    void indexVarCountsTheLoopFromZero() {
        LvsplayRun.Result r = run("fixes.yml");
        assertTrue(debugMessages(r).containsAll(java.util.List.of("idx 0=x", "idx 1=y")), r.stdout());
    }

    @Test
    void aFailedRunOnceTaskFailsEveryHost() {
        LvsplayRun.Result r = run("run-once-fails.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertEquals(1, r.recapValue("h1", "failed"));
        assertEquals(1, r.recapValue("h2", "failed"));
        assertFalse(Files.exists(file("h1-after.txt")));
        assertFalse(Files.exists(file("h2-after.txt")));
    }

    @Test
    void anyErrorsFatalStopsEveryHostAndTheRestOfTheRun() {
        LvsplayRun.Result r = run("any-errors-fatal.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertFalse(Files.exists(file("h1-after.txt")), r.stdout());
        assertFalse(Files.exists(file("next-play.txt")), r.stdout());
    }

    @Test
    void includeRoleRunsOnlyTheTaskFileNamedByTasksFrom() {
        LvsplayRun.Result r = run("include-role-tasks-from.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(java.util.List.of("from-other"), debugMessages(r));
    }

    /** A module's argument string that is a template, not k=v (Ansible's _variable_params), as ansible-playbook 2.14 runs it. */
    @Test
    void templatedArgumentStringIsAMappingOfArgumentsOrAFailure() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("variable-params.yml");
        assertEquals(0, r.exitCode(), r.output());
        String malformed = "invalid or malformed argument: 'garbage with a template'";
        // the failure, then the debug of the registered result
        assertEquals(java.util.List.of("from a mapping", "written", malformed, malformed), debugMessages(r));
    }

    @Test
    void untemplatedWordsInAnArgumentStringAreRefusedAtLoadTime() throws Exception {
        Files.writeString(base.resolve("bad.yml"), "- hosts: web\n  gather_facts: false\n  tasks:\n    - debug: garbage x=1\n");
        LvsplayRun.Result r = LvsplayRun.run("run", "-i",
                Files.writeString(base.resolve("inv.ini"), ONE_HOST).toString(), base.resolve("bad.yml").toString());
        assertEquals(5, r.exitCode(), r.output());
        assertTrue(r.output().contains("'garbage' is not in key=value form"), r.output());
    }
}
