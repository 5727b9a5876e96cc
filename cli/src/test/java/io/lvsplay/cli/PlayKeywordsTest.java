package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Play keywords resolved when the play starts: order, strategy, force_handlers, max_fail_percentage. */
class PlayKeywordsTest extends SemanticsTestBase {
    private static final String FOUR_HOSTS = "[web]\nhb ansible_connection=local\nha ansible_connection=local\n"
            + "hd ansible_connection=local\nhc ansible_connection=local\n";

    private List<String> orderWith(String order) {
        inventory(FOUR_HOSTS);
        LvsplayRun.Result r = run("order.yml", "-f", "1", "-e", "myorder=" + order);
        assertEquals(0, r.exitCode(), r.output());
        return read("order").lines().toList();
    }

    @Test
    void orderSortsOrReversesThePlayHosts() {
        assertEquals(List.of("hb", "ha", "hd", "hc"), orderWith("inventory"));
    }

    @Test
    void orderSorted() {
        assertEquals(List.of("ha", "hb", "hc", "hd"), orderWith("sorted"));
    }

    @Test
    void orderReverseSorted() {
        assertEquals(List.of("hd", "hc", "hb", "ha"), orderWith("reverse_sorted"));
    }

    @Test
    void orderReverseInventory() {
        assertEquals(List.of("hc", "hd", "ha", "hb"), orderWith("reverse_inventory"));
    }

    @Test
    void orderShuffleRunsEveryHostOnce() {
        assertEquals(List.of("ha", "hb", "hc", "hd"), orderWith("shuffle").stream().sorted().toList());
    }

    @Test
    void anOrderAnsibleDoesNotKnowIsRefusedWhenThePlayStarts() {
        LvsplayRun.Result r = run("order.yml", "-e", "myorder=random");
        assertEquals(5, r.exitCode(), r.output());
        assertTrue(r.output().contains("'order' must be one of inventory, reverse_inventory"), r.output());
    }

    @Test
    void strategyMayBeATemplate() {
        for (String strategy : List.of("linear", "free")) {
            LvsplayRun.Result r = run("strategy-templated.yml", "-e", "which=" + strategy, "-vv");
            assertEquals(0, r.exitCode(), r.output());
            assertEquals(List.of("first h1", "first h2", "second h1"),
                    debugMessages(r).stream().filter(m -> !m.startsWith("META")).sorted().toList(), r.stdout());
            assertTrue(r.stdout().contains("META: ending play for h2"), r.stdout());
        }
    }

    @Test
    void withoutForceHandlersAFailedHostRunsNoHandler() {
        LvsplayRun.Result r = run("force-handlers.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertEquals(List.of("h1"), read("handled").lines().toList());
    }

    @Test
    void forceHandlersRunsTheFailedHostsHandlersButNotItsLaterTasks() {
        LvsplayRun.Result r = run("force-handlers-play.yml", "-e", "force=true");
        assertEquals(2, r.exitCode(), r.output());
        assertEquals(List.of("h1", "h2"), read("handled").lines().sorted().toList());
        assertEquals(List.of("h1"), read("after").lines().toList());
    }

    @Test
    void forceHandlersFromTheCommandLine() {
        LvsplayRun.Result r = run("force-handlers.yml", "--force-handlers");
        assertEquals(List.of("h1", "h2"), read("handled").lines().sorted().toList(), r.stdout());
    }

    @Test
    void forceHandlersFalseInThePlayOverridesTheCommandLine() {
        LvsplayRun.Result r = run("force-handlers-play.yml", "-e", "force=false", "--force-handlers");
        assertEquals(List.of("h1"), read("handled").lines().toList(), r.stdout());
    }

    @Test
    void maxFailPercentageBreaksThePlayWhenMoreHostsFail() {
        LvsplayRun.Result r = run("max-fail.yml", "-e", "pct=49");
        assertEquals(2, r.exitCode(), r.output());
        assertFalse(file("after").toFile().exists(), r.stdout());
        assertFalse(file("next-play").toFile().exists(), r.stdout());
        assertTrue(r.stdout().contains("NO MORE HOSTS LEFT"), r.stdout());
    }

    @Test
    void maxFailPercentageLetsThePlayGoOnAtTheLimit() {
        LvsplayRun.Result r = run("max-fail.yml", "-e", "pct=50%");
        assertEquals(2, r.exitCode(), r.output());
        assertEquals(List.of("h2"), read("after").lines().toList());
        assertEquals(List.of("h2"), read("next-play").lines().toList());
    }
}
