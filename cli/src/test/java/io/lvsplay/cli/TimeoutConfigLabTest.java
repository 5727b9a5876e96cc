package io.lvsplay.cli;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 15 item 7: {@code timeout = 3} in ansible.cfg [defaults] (no --timeout, no host var) is the
 * connect deadline of a host whose SYNs are dropped: UNREACHABLE after about 3 s, not the default 10.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class TimeoutConfigLabTest {
    private static LabTestNetwork network;
    private static LabHostContainer blackhole;
    private static Path inventory;
    private static Path project;

    @BeforeAll
    static void startHost() throws Exception {
        LabFixture.ensureImage();
        LabInventory access = LabInventory.in(Files.createTempDirectory("lvsplay-it-timeout-cfg"));
        network = LabTestNetwork.create("it-timeout-cfg", "10.207.3.0/24");
        blackhole = new LabHostContainer("blackhole").onNetwork(network).withAuthorizedKey(access.publicKey());
        blackhole.start();
        inventory = access.write(Map.of("bad", List.of(blackhole)));
        project = Files.createTempDirectory("lvsplay-timeout-cfg");
        Files.writeString(project.resolve("ansible.cfg"), "[defaults]\ntimeout = 3\n");
        Files.writeString(project.resolve("ping.yml"), "- hosts: all\n  gather_facts: false\n  tasks:\n    - ping:\n");
    }

    @AfterAll
    static void stopHost() {
        LabFixture.stopAll(network, blackhole);
    }

    @Test
    void ansibleCfgTimeoutBoundsAnUnreachableHost() throws Exception {
        assertTrue(!Files.readString(inventory).contains("_timeout="), "the lab inventory sets a timeout of its own");
        blackhole.exec("iptables -A INPUT -p tcp --dport 22 -j DROP");
        // warm-up: JVM start-up, class loading and the connect path are not part of what is measured
        CliRun.run(Map.of(), project, "run", "-i", inventory.toString(), project.resolve("ping.yml").toString(),
                "--timeout", "1");
        long started = System.nanoTime();
        LvsplayRun.Result r = CliRun.run(Map.of(), project, "run", "-i", inventory.toString(),
                project.resolve("ping.yml").toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println(r.output() + "\nelapsed " + seconds + " s");
        assertEquals(4, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("UNREACHABLE"), r.stdout());
        assertTrue(r.output().contains("timed out after 3 s"), r.output());
        assertTrue(seconds >= 2.5 && seconds < 8, "took " + seconds + " s");
    }
}
