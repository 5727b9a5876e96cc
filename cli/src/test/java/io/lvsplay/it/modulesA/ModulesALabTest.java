package io.lvsplay.it.modulesA;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabHostContainer;
import io.lvsplay.it.LvsplayRun;
import io.lvsplay.it.TwinHosts;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * get_url (from a web server on the host's loopback), unarchive, known_hosts, debconf and mount's
 * fstab end to end: lvsplay on rs1, ansible-playbook with the same task list on rs2.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModulesALabTest {
    /** What each host must end with, compared between the two. */
    private static final String STATE = "cat /opt/ma/rs.conf /opt/ma/known_hosts /opt/ma/fstab; stat -c '%a %U' /opt/ma/rs.conf;"
            + " find /opt/ma/unpacked | sort; cat /opt/ma/unpacked/app/conf/rs.conf; debconf-show debconf | grep priority; true";
    private static TwinHosts hosts;
    private static LabHostContainer rs1;
    private static LabHostContainer rs2;
    private static int lvsplayFirstChanged;

    @BeforeAll
    static void startHosts() throws Exception {
        hosts = TwinHosts.start("lvsplay-modulesA", "10.254.1.0/24", "modulesA");
        rs1 = hosts.rs1;
        rs2 = hosts.rs2;
    }

    @AfterAll
    static void stopHosts() {
        hosts.stop();
    }

    private static LvsplayRun.Result lvsplay(String... extra) {
        return hosts.lvsplay(extra);
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
        if (!TwinHosts.ansibleInstalled()) {
            System.out.println("ansible-playbook not installed: comparison skipped");
            return;
        }
        String first = ansible();
        assertTrue(first.matches("(?s).*rs2\\s+: ok=\\d+\\s+changed=" + lvsplayFirstChanged + "\\s.*"), first);
        assertEquals(rs1.exec(STATE), rs2.exec(STATE), "the same files");
        assertTrue(ansible().matches("(?s).*rs2\\s+: ok=\\d+\\s+changed=0\\s.*"));
    }

    private static String ansible() throws IOException, InterruptedException {
        return hosts.ansible();
    }
}
