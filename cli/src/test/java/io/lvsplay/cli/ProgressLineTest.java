package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.exec.HostStats;
import io.lvsplay.engine.exec.RunListener;
import io.lvsplay.engine.exec.TaskResult;
import io.lvsplay.engine.exec.TaskStatus;
import io.lvsplay.engine.playbook.Play;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final ProgressLine line = new ProgressLine(new Printing(out), out, System.nanoTime(), false);

    private static TaskResult result(String host, TaskStatus status) {
        return new TaskResult(host, status, false, false, null, null, Map.of(), List.of(), List.of(), false, false);
    }

    @Test
    void countsTheCurrentTasksHostsAndForgetsHostsThatFailed() {
        line.playStarted(null, List.of("a", "b", "c", "d"));
        line.taskStarted("first", false);
        assertTrue(line.text().startsWith("[first] 0 done, 4 running, 0 failed, "), line.text());
        line.hostResult(result("a", TaskStatus.OK));
        line.hostResult(result("b", TaskStatus.FAILED));
        assertTrue(line.text().startsWith("[first] 1 done, 2 running, 1 failed, "), line.text());
        line.taskStarted("second", false);
        assertTrue(line.text().startsWith("[second] 0 done, 3 running, 0 failed, "), line.text());
    }

    @Test
    void theOutputReadsTheSameOnceTheLineIsErasedAndTheRecapEndsIt() {
        line.playStarted(null, List.of("a"));
        line.taskStarted("t", false);
        line.hostResult(result("a", TaskStatus.CHANGED));
        line.recap(Map.of());
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\033[2K[t] 0 done, 1 running"), text);
        String visible = text.replaceAll("\r\033\\[2K(\\[t\\][^\r\n]*)?", "");
        assertEquals("PLAY\nTASK t\nchanged: a\nRECAP\n", visible);
        assertFalse(text.endsWith(" s"), "nothing is drawn after the recap");
    }

    @Test
    void onlyOnATerminalAndNeverWithJson() {
        assertTrue(ProgressLine.wanted(false, true, "xterm", null));
        assertFalse(ProgressLine.wanted(false, false, "xterm", null));
        assertFalse(ProgressLine.wanted(true, true, "xterm", null));
        assertFalse(ProgressLine.wanted(false, true, "dumb", null));
        assertFalse(ProgressLine.wanted(false, true, "xterm", "0"));
    }

    /** Stands in for the text output: one line per event. */
    private record Printing(PrintStream out) implements RunListener {
        public void playStarted(Play play, List<String> hosts) {
            out.println("PLAY");
        }

        public void taskStarted(String title, boolean handler) {
            out.println("TASK " + title);
        }

        public void hostResult(TaskResult result) {
            out.println(result.status().name().toLowerCase() + ": " + result.host());
        }

        public void warning(String message) {
            out.println("WARN " + message);
        }

        public void noHostsLeft() {
        }

        public void recap(Map<String, HostStats> stats) {
            out.println("RECAP");
        }
    }
}
