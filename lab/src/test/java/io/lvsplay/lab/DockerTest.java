package io.lvsplay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wrapper's error reporting, with stand-in executables instead of docker. */
class DockerTest {

    @Test
    void failedCommandsNameTheCommandLineAndStderr() {
        Docker sh = new Docker("sh", Duration.ofSeconds(10));
        LabException e = assertThrows(LabException.class, () -> sh.check("-c", "echo no such network >&2; exit 3"));
        assertTrue(e.getMessage().contains("'sh -c 'echo no such network >&2; exit 3'' failed with exit code 3"), e.getMessage());
        assertTrue(e.getMessage().endsWith(": no such network"), e.getMessage());
    }

    @Test
    void stdinReachesTheCommand() {
        Docker sh = new Docker("sh", Duration.ofSeconds(10));
        assertEquals("ssh-ed25519 AAAA x", sh.check(List.of("-c", "cat"), "ssh-ed25519 AAAA x\n".getBytes()));
    }

    @Test
    void aMissingExecutableSaysWhatToInstall() {
        Docker missing = new Docker("/nonexistent/docker", Duration.ofSeconds(10));
        LabException e = assertThrows(LabException.class, () -> missing.check("info"));
        assertTrue(e.getMessage().contains("setup-host.sh"), e.getMessage());
        assertFalse(missing.daemonAvailable());
    }

    @Test
    void hangingCommandsAreKilledAtTheTimeout() {
        Docker sh = new Docker("sh", Duration.ofMillis(300));
        LabException e = assertThrows(LabException.class, () -> sh.check("-c", "sleep 30"));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    }
}
