package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** loop_control extended / extended_allitems / pause, as Ansible 2.14 runs them. */
class LoopControlTest extends SemanticsTestBase {

    @Test
    void ansibleLoopExistsOnlyWithExtendedAndPauseSleepsBetweenItems() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("loop-control-extended.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("'ansible_loop' is undefined"), r.stdout());
        assertEquals(1, r.recapValue("h1", "ignored"), r.stdout());
        assertTrue(debugMessages(r).containsAll(List.of("1 False", "2 False", "elapsed=True")), r.stdout());
    }
}
