package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A loop's reads in one round trip per host, with each item's outcome what it was one by one. */
class LoopProbesTest extends SemanticsTestBase {

    @BeforeEach
    void oneHost() {
        inventory(ONE_HOST);
    }

    @Test
    void itemsSeeWhatEarlierItemsOfTheSameLoopWrote() {
        LvsplayRun.Result first = run("loop-probes.yml");
        assertEquals(0, first.exitCode(), first.output());
        assertEquals("net.a=1\nnet.b=2\nnet.c=3\nnet.d=4\nnet.e=5\nnet.f=6\n", read("h1-lines.conf"));
        assertEquals(6, read("h1-sysctl.conf").lines().count(), read("h1-sysctl.conf"));
        assertTrue(Files.isDirectory(file("h1-dirs/e")));
        assertTrue(!Files.exists(file("h1-dirs/f")));
        assertEquals(3, first.changed("h1"), first.stdout());
    }

    @Test
    void aNoChangeReRunCostsOneRoundTripPerLoop() {
        assertEquals(0, run("loop-probes.yml").exitCode());
        LvsplayRun.Result again = run("loop-probes.yml", "--stats");
        assertEquals(0, again.exitCode(), again.output());
        assertEquals(0, again.changed("h1"), again.stdout());
        assertTrue(again.stdout().contains("skipping: [h1] => (item=dir f)"), again.stdout());
        assertEquals(3, roundTrips(again, "h1"), again.stdout());
    }

    @Test
    void anItemThatChangesSomethingLeavesTheLaterItemsToReadAgain() throws Exception {
        assertEquals(0, run("loop-probes.yml").exitCode());
        Files.writeString(file("h1-lines.conf"), "net.a=1\nnet.c=3\nnet.f=6\n");
        LvsplayRun.Result again = run("loop-probes.yml", "--stats");
        assertEquals(0, again.exitCode(), again.output());
        assertEquals("net.a=1\nnet.c=3\nnet.f=6\nnet.b=2\nnet.d=4\nnet.e=5\n", read("h1-lines.conf"));
        assertEquals(1, again.changed("h1"), again.stdout());
        // lines: the batch, net.b written, net.c to net.f read one by one, net.d and net.e written; the other loops: one each
        assertEquals(1 + 1 + 4 + 2 + 2, roundTrips(again, "h1"), again.stdout());
    }

    private static long roundTrips(LvsplayRun.Result r, String host) {
        Matcher row = Pattern.compile("(?m)^" + host + "\\s+(\\d+)\\s+\\d+\\s+\\d+\\s+\\d+$").matcher(r.stdout());
        assertTrue(row.find(), r.stdout());
        return Long.parseLong(row.group(1));
    }
}
