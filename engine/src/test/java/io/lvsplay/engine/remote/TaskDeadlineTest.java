package io.lvsplay.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.transport.LocalConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task keyword timeout: through the real host-side shell (a local /bin/sh). */
class TaskDeadlineTest {
    @TempDir
    Path dir;

    private ShellRemoteHost host(String action, int seconds) {
        return new ShellRemoteHost(new LocalConnection("local"), null).withDeadline(TaskDeadline.start(action, seconds));
    }

    @Test
    void aCommandPastTheTaskTimeoutFailsWithAnsiblesMessageAndIsKilledOnTheHost() throws Exception {
        Path pid = dir.resolve("pid");
        long start = System.nanoTime();
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> host("shell", 2).run("sh -c 'echo $$ > " + pid + "; exec sleep 60'"));
        double took = (System.nanoTime() - start) / 1e9;
        assertEquals("The shell action failed to execute in the expected time frame (2) and was terminated", e.getMessage());
        assertTrue(took >= 1.9 && took < 6, "took " + took + " s");
        String sleeper = Files.readString(pid).strip();
        Thread.sleep(200);
        Path status = Path.of("/proc", sleeper, "status");
        // gone, or a zombie waiting to be reaped (where no init reaps orphans, as in some containers)
        assertFalse(Files.exists(status) && !Files.readString(status).contains("State:\tZ"),
                "the command's process " + sleeper + " still runs");
    }

    @Test
    void theDeadlineCoversAllCommandsOfTheTaskTogether() {
        ShellRemoteHost h = host("command", 2);
        assertEquals(0, h.run("sleep 1").exitCode());
        assertThrows(ModuleFailure.class, () -> h.run("sleep 1.5"));
    }

    @Test
    void aCommandWithinTheTimeoutKeepsItsOutputAndExitCode() {
        var r = host("command", 10).run("echo hi; exit 3");
        assertEquals(3, r.exitCode());
        assertEquals("hi\n", r.stdout());
    }
}
