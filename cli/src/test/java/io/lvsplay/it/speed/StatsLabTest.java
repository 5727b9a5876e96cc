package io.lvsplay.it.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabFixture;
import io.lvsplay.it.LabHostContainer;
import io.lvsplay.it.LabInventory;
import io.lvsplay.it.LabTestNetwork;
import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** run --stats against a real sshd: the round trips a no-change re-run of three 6-item loops (lineinfile, sysctl, file) costs per host. */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class StatsLabTest {
    private static LabTestNetwork network;
    private static LabHostContainer rs1;
    private static Path inventory;
    private static Path play;

    @BeforeAll
    static void startHost() throws Exception {
        LabFixture.ensureImage();
        LabInventory access = LabInventory.in(Files.createTempDirectory("lvsplay-it-stats"));
        network = LabTestNetwork.create("stats", "10.245.1.0/24");
        rs1 = new LabHostContainer("rs1").onNetwork(network).withAuthorizedKey(access.publicKey());
        rs1.start();
        inventory = access.write(Map.of("realservers", List.of(rs1)));
        play = LabFixture.resources("it/speed").resolve("stats-loop.yml");
    }

    @AfterAll
    static void stopHost() {
        LabFixture.stopAll(network, rs1);
    }

    @Test
    void aNoChangeReRunReportsItsRoundTripsConnectFactsAndTotal() {
        LvsplayRun.Result first = LvsplayRun.run("run", "--stats", "-i", inventory.toString(), play.toString());
        assertEquals(0, first.exitCode(), first.output());
        assertEquals(3, first.changed("rs1"), first.stdout());
        assertEquals("net.a=1\nnet.b=2\nnet.c=3\nnet.d=4\nnet.e=5\nnet.f=6\n", rs1.fileContent("/opt/stats-loop.conf"));

        LvsplayRun.Result second = LvsplayRun.run("run", "--stats", "-i", inventory.toString(), play.toString());
        System.out.println(second.output());
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(0, second.changed("rs1"), second.stdout());
        Matcher row = Pattern.compile("(?m)^rs1\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$").matcher(second.stdout());
        assertTrue(row.find(), second.stdout());
        assertEquals(ROUND_TRIPS, Long.parseLong(row.group(1)), second.stdout());
        long connect = Long.parseLong(row.group(2));
        long facts = Long.parseLong(row.group(3));
        long total = Long.parseLong(row.group(4));
        assertTrue(connect > 0 && facts > 0, second.stdout());
        assertTrue(total >= connect + facts, second.stdout());
    }

    /** The shell's start-up, facts (one command) and one batch of probes per 6-item loop: 1 + 1 + 3 (was 1 + 1 + 6 for one loop). */
    private static final long ROUND_TRIPS = 5;
}
