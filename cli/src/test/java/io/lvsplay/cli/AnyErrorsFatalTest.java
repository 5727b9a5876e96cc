package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** any_errors_fatal on a task or a block, as Ansible's linear strategy applies it. */
class AnyErrorsFatalTest extends SemanticsTestBase {

    @Test
    void aFatalTaskStopsEveryHostAndTheRun() {
        LvsplayRun.Result r = run("any-errors-fatal-task.yml");
        assertEquals(2, r.exitCode(), r.output());
        // the earlier failure of h2 alone was not fatal: h1 went on
        assertEquals(List.of("h1"), read("after-first").lines().toList());
        assertFalse(file("next-play").toFile().exists(), r.stdout());
        assertTrue(r.stdout().contains("NO MORE HOSTS LEFT"), r.stdout());
    }

    @Test
    void aFailureARescueCatchesIsNotFatal() {
        // as ansible-playbook 2.14 runs this playbook
        LvsplayRun.Result r = run("any-errors-fatal-block.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(List.of("h1"), read("block-after").lines().toList());
        assertEquals(List.of("h2"), read("rescued").lines().toList());
        assertEquals(List.of("h1", "h2"), read("always").lines().sorted().toList());
        assertEquals(List.of("h1", "h2"), read("next-play").lines().sorted().toList());
        assertEquals(1, r.recapValue("h2", "rescued"), r.stdout());
    }

    @Test
    void aFatalFailureInARescueWithoutAlwaysStopsTheRun() {
        LvsplayRun.Result r = run("any-errors-fatal-rescue.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertFalse(file("after").toFile().exists(), r.stdout());
        assertEquals(0, r.recapValue("h1", "failed"), r.stdout());
        assertEquals(1, r.recapValue("h2", "failed"), r.stdout());
    }
}
