package io.lvsplay.modules.system;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import org.junit.jupiter.api.Test;

/** pause sleeps on the controller and reports like Ansible; a prompt without a terminal fails clearly. */
class PauseModuleTest {

    @Test
    void secondsSleepAndReportThePause() {
        long start = System.nanoTime();
        Plan plan = new RecordedHost().plan(new PauseModule(), args("seconds", 1));
        assertTrue(System.nanoTime() - start >= 1_000_000_000L);
        assertTrue(plan.result().get("stdout").toString().matches("Paused for 1\\.\\d+ seconds"), plan.result().toString());
        assertEquals(1, plan.result().get("delta"));
        assertEquals("", plan.result().get("user_input"));
    }

    @Test
    void waitingForInputWithoutATerminalIsAClearFailure() {
        // the test JVM has no console, as lvsplay under CI or a pipe has none
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> new RecordedHost().plan(new PauseModule(), args("prompt", "go on?")));
        assertTrue(e.getMessage().contains("no terminal"), e.getMessage());
    }
}
