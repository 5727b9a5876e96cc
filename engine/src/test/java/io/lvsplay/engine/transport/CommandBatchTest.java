package io.lvsplay.engine.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Several commands in one round trip give each the result it gives alone (run by a real /bin/sh). */
class CommandBatchTest {
    private final LocalConnection host = new LocalConnection("h1");

    @Test
    void eachCommandGetsItsOwnExitCodeStdoutAndStderr() {
        List<String> commands = List.of(
                "echo one; echo err >&2",
                "printf 'no newline at the end'",
                "printf 'a\\nb\\n\\n'; exit 3",
                "printf '\\000\\377binary'",
                "export X=1; cd /; set -e; false; echo never",
                "cat",
                "echo \"it's quoted\" '$HOME'",
                "printf '\\n%s %s %s\\n' LVSPLAY-BATCH-fake 7 0",
                "printf '%s\\n%s' \"$?\" \"$X\"");
        List<ExecResult> batch = CommandBatch.run(host, null, commands).orElseThrow();
        assertEquals(commands.size(), batch.size());
        for (int i = 0; i < commands.size(); i++) {
            ExecResult alone = host.exec(commands.get(i), new byte[0]);
            assertEquals(alone.exitCode(), batch.get(i).exitCode(), commands.get(i));
            assertArrayEquals(alone.stdoutBytes(), batch.get(i).stdoutBytes(), commands.get(i));
            assertArrayEquals(alone.stderrBytes(), batch.get(i).stderrBytes(), commands.get(i));
        }
    }

    @Test
    void theBatchIsOneRoundTrip() {
        CommandBatch.run(host, null, List.of("true", "false", "echo x")).orElseThrow();
        assertEquals(1, host.roundTrips());
    }

    @Test
    void outputThatIsNotTheBatchsGivesNoResults() {
        assertTrue(CommandBatch.split(new ExecResult(0, "x".getBytes(), new byte[0]), "M", 1).isEmpty());
        assertTrue(CommandBatch.split(new ExecResult(1, new byte[0], new byte[0]), "M", 0).isEmpty());
    }
}
