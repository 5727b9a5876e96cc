package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** ansible-playbook's exit codes: 0 ok, 2 a task failed, 4 unreachable, 5 refused before running. */
class ExitCodesTest extends SemanticsTestBase {

    @Test
    void successIsZero() {
        assertEquals(0, run("ok.yml").exitCode());
    }

    @Test
    void failedTaskIsTwoAndOnlyTheFailedHostStops() {
        LvsplayRun.Result r = run("fails-on-h2.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(Files.exists(file("h1-next")));
        assertFalse(Files.exists(file("h2-next")));
        assertEquals(1, r.recapValue("h2", "failed"), r.stdout());
        assertEquals(0, r.recapValue("h1", "failed"), r.stdout());
    }

    @Test
    void undefinedVariableIsFiveAndNoEarlierTaskRan() {
        LvsplayRun.Result r = run("undefined-later.yml");
        assertEquals(5, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("'undefined_typo_var' is undefined"), r.stderr());
        assertTrue(r.stderr().contains("undefined-later.yml:6"), r.stderr());
        assertFalse(Files.exists(file("first-task-ran")));
    }

    /**
     * ansible-playbook 2.14 templates play vars lazily: the task that uses the var fails ("The task
     * includes an option with an undefined variable"), after the earlier tasks ran; lvsplay refuses
     * it before any task runs, naming the task and the play var.
     */
    @Test
    void anUndefinedNameInAPlayVarATaskUsesIsFiveAndNoEarlierTaskRan() {
        LvsplayRun.Result r = run("play-vars-undefined.yml");
        assertEquals(5, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("play-vars-undefined.yml:9"), r.stderr());
        assertTrue(r.stderr().contains("'vip_typo' is undefined (task 'uses the play var') in its arguments through the play var 'listen'"),
                r.stderr());
        assertFalse(Files.exists(file("first-task-ran")));
    }

    /** An undefined name in a play var no task uses is no error in ansible-playbook 2.14 (checked), nor here. */
    @Test
    void anUndefinedNameInAnUnusedPlayVarIsNoError() {
        LvsplayRun.Result r = run("play-vars-unused-undefined.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("0.0.0.0:80", read("listen"));
    }

    /** ansible-playbook 2.14 fails the task ("src (or content) is required") after the earlier ones ran. */
    @Test
    void aCopyWithNeitherSrcNorContentIsFiveAtItsLineAndNoEarlierTaskRan() {
        LvsplayRun.Result r = run("copy-without-source.yml");
        assertEquals(5, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("copy-without-source.yml:7"), r.stderr());
        assertTrue(r.stderr().contains("one of the following is required: src, content"), r.stderr());
        assertFalse(Files.exists(file("first-task-ran")));
    }

    @Test
    void unknownModuleIsFiveWithASuggestionAndNoEarlierTaskRan() {
        LvsplayRun.Result r = run("bad-module.yml");
        assertEquals(5, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("bad-module.yml:7"), r.stderr());
        assertTrue(r.stderr().contains("Did you mean: command?"), r.stderr());
        assertFalse(Files.exists(file("first-task-ran")));
    }

    @Test
    void missingPlaybookIsFive() {
        LvsplayRun.Result r = LvsplayRun.run("run", "-i", "h1,", base.resolve("nope.yml").toString());
        assertEquals(5, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("playbook not found"), r.stderr());
    }

    @Test
    void unknownOptionIsFive() {
        assertEquals(5, LvsplayRun.run("run", "--no-such-option", "x.yml").exitCode());
    }

    @Test
    void undefinedValueFoundOnlyAtRunTimeFailsTheTaskWithTwo() {
        LvsplayRun.Result r = run("runtime-undefined.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("fatal: [h1]: FAILED!"), r.stdout());
    }

    @Test
    void unreachableHostIsFour() {
        inventory("[web]\nh1 ansible_host=127.0.0.1 ansible_port=1 ansible_user=nobody\n");
        LvsplayRun.Result r = run("ok.yml", "--timeout", "2");
        assertEquals(4, r.exitCode(), r.output());
        assertEquals(1, r.recapValue("h1", "unreachable"), r.stdout());
        assertTrue(r.stdout().contains("fatal: [h1]: UNREACHABLE!"), r.stdout());
    }
}
