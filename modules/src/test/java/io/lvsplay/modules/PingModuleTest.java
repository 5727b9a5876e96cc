package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PingModuleTest {
    private final TestHost host = new TestHost(Path.of("/nonexistent"));

    @Test
    void pingAnswersWithItsData() {
        assertEquals("pong", host.run(new PingModule(), args()).get("ping"));
        assertEquals("hello", host.run(new PingModule(), args("data", "hello")).get("ping"));
    }

    @Test
    void crashIsAModuleFailureWithTheExceptionOnStderr() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(new PingModule(), args("data", "crash")));
        assertTrue(e.getMessage().startsWith("MODULE FAILURE"));
        assertEquals("", e.result().get("module_stdout"));
        assertTrue(String.valueOf(e.result().get("module_stderr")).contains("Exception: boom"));
    }
}
