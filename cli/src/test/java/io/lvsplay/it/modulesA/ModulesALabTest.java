package io.lvsplay.it.modulesA;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabFixture;
import io.lvsplay.it.LabHostContainer;
import io.lvsplay.it.LabInventory;
import io.lvsplay.it.LabTestNetwork;
import io.lvsplay.it.LvsplayRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.lifecycle.Startables;

/**
 * get_url (from a web server on the host's loopback), unarchive, known_hosts, debconf and mount's
 * fstab end to end: lvsplay on rs1, ansible-playbook with the same task list on rs2.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModulesALabTest {
    /** What each host must end with, compared between the two (not Docker's own DNS nat rules, per container). */
    /** What each host must end with, compared between the two. */
    private static final String STATE = "cat /opt/ma/rs.conf /opt/ma/known_hosts /opt/ma/fstab; stat -c '%a %U' /opt/ma/rs.conf;"
            + " find /opt/ma/unpacked | sort; cat /opt/ma/unpacked/app/conf/rs.conf; debconf-show debconf | grep priority; true";
    private static LabTestNetwork network;
    private static LabHostContainer rs1;
    private static LabHostContainer rs2;
    private static Path dir;
    private static String inventory;
    private static int lvsplayFirstChanged;

    @BeforeAll
    static void startHosts() throws Exception {
        LabFixture.ensureImage();
        LabInventory access = LabInventory.in(Files.createTempDirectory("lvsplay-it-modulesA"));
        network = LabTestNetwork.create("lvsplay-modulesA", "10.254.1.0/24");
        rs1 = new LabHostContainer("rs1").onNetwork(network).withAuthorizedKey(access.publicKey());
        rs2 = new LabHostContainer("rs2").onNetwork(network).withAuthorizedKey(access.publicKey());
        Startables.deepStart(rs1, rs2).join();
        inventory = access.write(Map.of("realservers", List.of(rs1, rs2))).toString();
        dir = LabFixture.resources("it/modulesA");
        String prepare = Files.readString(dir.resolve("prepare-host.sh"));
        for (LabHostContainer host : List.of(rs1, rs2)) {
            host.exec(prepare);
        }
    }

    @AfterAll
    static void stopHosts() {
        LabFixture.stopAll(network, rs1, rs2);
    }

    private static LvsplayRun.Result lvsplay(String... extra) {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"run", "-i", inventory, "-l", "rs1", dir.resolve("modules.yml").toString()}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        LvsplayRun.Result result = LvsplayRun.run(args);
        System.out.println(result.output());
        return result;
    }

    @Test
    @Order(1)
    void checkModePredictsChangesAndChangesNothing() {
        String before = rs1.exec(STATE);
        LvsplayRun.Result check = lvsplay("--check");
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.changed("rs1") >= 5, check.stdout());
        assertEquals(before, rs1.exec(STATE), "--check leaves the host as it was");
    }

    @Test
    @Order(2)
    void aFirstRunChangesAndShowsTheDiff() {
        LvsplayRun.Result first = lvsplay("--diff");
        assertEquals(0, first.exitCode(), first.output());
        lvsplayFirstChanged = first.changed("rs1");
        assertEquals(5, lvsplayFirstChanged, first.stdout());
        assertTrue(first.stdout().contains("+tmpfs /mnt/ma tmpfs size=1m 0 0"), "the fstab diff is shown");
        String state = rs1.exec(STATE);
        assertTrue(state.contains("real_server 10.254.1.12 80"), state);
        assertTrue(state.contains("640 root"), state);
        assertTrue(state.contains("/opt/ma/unpacked/app/conf/rs.conf"), state);
        assertTrue(state.contains("debconf/priority: critical"), state);
    }

    @Test
    @Order(3)
    void aSecondRunChangesNothing() {
        LvsplayRun.Result second = lvsplay();
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(0, second.changed("rs1"), second.stdout());
    }

    @Test
    @Order(4)
    void ansiblePlaybookLeavesTheSameHostWithTheSameChangedCount() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/ansible-playbook"))) {
            System.out.println("ansible-playbook not installed: comparison skipped");
            return;
        }
        String first = ansible();
        assertTrue(first.matches("(?s).*rs2\\s+: ok=\\d+\\s+changed=" + lvsplayFirstChanged + "\\s.*"), first);
        assertEquals(rs1.exec(STATE), rs2.exec(STATE), "the same files");
        assertTrue(ansible().matches("(?s).*rs2\\s+: ok=\\d+\\s+changed=0\\s.*"));
    }

    private static String ansible() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ansible-playbook", "-i", inventory, "-l", "rs2", dir.resolve("modules.yml").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        System.out.println(out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
