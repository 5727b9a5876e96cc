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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.lifecycle.Startables;

/** The kept shell against real sshd and sudo: one shell per host and become user, exit codes, files. */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class PersistentShellLabTest {
    private static LabTestNetwork network;
    private static LabHostContainer rs1;
    private static LabHostContainer rs2;
    private static Path inventory;
    private static Path dir;

    @BeforeAll
    static void startHosts() throws Exception {
        LabFixture.ensureImage();
        LabInventory access = LabInventory.in(Files.createTempDirectory("lvsplay-it-speed"));
        network = LabTestNetwork.create("speed", "10.250.7.0/24");
        rs1 = new LabHostContainer("rs1").onNetwork(network).withAuthorizedKey(access.publicKey());
        rs2 = new LabHostContainer("rs2").onNetwork(network).withAuthorizedKey(access.publicKey());
        Startables.deepStart(rs1, rs2).join();
        inventory = access.write(Map.of("realservers", List.of(rs1, rs2)));
        dir = LabFixture.resources("it/speed");
    }

    @AfterAll
    static void stopHosts() {
        LabFixture.stopAll(network, rs1, rs2);
    }

    @Test
    void tasksShareOneShellPerHostAndBecomeUserAndReRunsChangeNothing() {
        LvsplayRun.Result first = LvsplayRun.run("run", "-i", inventory.toString(),
                dir.resolve("kept-shell.yml").toString());
        System.out.println(first.output());
        assertEquals(0, first.exitCode(), first.output());
        assertEquals("line one\nline two\n", rs1.fileContent("/opt/kept-shell.txt"));
        assertEquals("600", rs1.exec("stat -c %a /opt/kept-shell.txt").trim());
        assertTrue(!first.output().contains("cannot keep a shell open"), first.output());

        LvsplayRun.Result second = LvsplayRun.run("run", "-i", inventory.toString(),
                dir.resolve("kept-shell.yml").toString());
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(0, second.changed("rs1"), second.stdout());
    }
}
