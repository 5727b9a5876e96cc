package io.lvsplay.agent.health;

import io.lvsplay.agent.Agent;
import io.lvsplay.agent.Loopback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReloadKeepsChecksTest {
    @TempDir
    Path dir;

    private String config(Path log, String word) {
        return "services:\n  - service: tcp 127.0.0.23:%PORT%\n    check: {type: MISC_CHECK, misc_path: \"echo " + word + " >> " + log
                + "\", delay_loop: 60}\n";
    }

    private static long lines(Path log, String word) throws Exception {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(word::equals).count() : 0;
    }

    @Test
    void aReloadThatLeavesACheckAloneKeepsItRunningOnItsScheduleAndAChangedCheckStartsAfresh() throws Exception {
        int port = Loopback.freePort();
        Path log = dir.resolve("checks.log");
        String rules = "-A -t 127.0.0.23:" + port + " -s rr\n-a -t 127.0.0.23:" + port + " -r 127.0.0.1:9 -m\n";
        try (Agent agent = Loopback.agent(dir, rules, config(log, "first").replace("%PORT%", "" + port))) {
            Loopback.await(() -> uncheckedLines(log, "first") == 1, 5000, "the first check");
            assertEquals(0, agent.reload().exitCode());
            Thread.sleep(700);
            assertEquals(1, lines(log, "first"), "an unchanged check is not restarted (it would run at once)");
            Files.writeString(dir.resolve("agent.yml"), config(log, "second").replace("%PORT%", "" + port));
            assertEquals(0, agent.reload().exitCode());
            Loopback.await(() -> uncheckedLines(log, "second") == 1, 5000, "the changed check to start");
            Thread.sleep(300);
            assertEquals(1, lines(log, "first"), "the old check stopped");
        }
    }

    private static long uncheckedLines(Path log, String word) {
        try {
            return lines(log, word);
        } catch (Exception e) {
            return -1;
        }
    }
}
