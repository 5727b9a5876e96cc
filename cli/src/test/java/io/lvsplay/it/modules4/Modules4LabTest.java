package io.lvsplay.it.modules4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabHostContainer;
import io.lvsplay.it.LvsplayRun;
import io.lvsplay.it.TwinHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * copy with a directory src (both trailing-slash forms, directory_mode) end to end: lvsplay on rs1,
 * ansible-playbook with the same task list on rs2, which must end with the same tree.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Modules4LabTest {
    /** What each host must end with, compared between the two. */
    private static final String STATE = "find /opt/m4 -printf '%p %m %u %s\\n' | sort; cat /opt/m4/b/conf/app.conf; true";
    private static TwinHosts hosts;
    private static LabHostContainer rs1;
    private static int lvsplayFirstChanged;

    @BeforeAll
    static void startHosts() throws Exception {
        hosts = TwinHosts.start("modules4-twins", "10.204.1.0/24", "modules4");
        rs1 = hosts.rs1;
    }

    @AfterAll
    static void stopHosts() {
        hosts.stop();
    }

    @Test
    @Order(1)
    void checkModePredictsChangesAndChangesNothing() {
        String before = rs1.exec(STATE);
        LvsplayRun.Result check = hosts.lvsplay("--check");
        assertEquals(0, check.exitCode(), check.output());
        assertEquals(3, check.changed("rs1"), check.stdout());
        assertEquals(before, rs1.exec(STATE), "--check leaves the host as it was");
    }

    @Test
    @Order(2)
    void aFirstRunChangesAndShowsTheDiff() {
        LvsplayRun.Result first = hosts.lvsplay("--diff");
        assertEquals(0, first.exitCode(), first.output());
        lvsplayFirstChanged = first.changed("rs1");
        assertEquals(3, lvsplayFirstChanged, first.stdout());
        assertTrue(first.stdout().contains("+port 80"), "the new file's diff is shown");
        String state = rs1.exec(STATE);
        assertTrue(state.contains("/opt/m4/a/site 750 root"), state);
        assertTrue(state.contains("/opt/m4/a/site/conf/app.conf 640 root 8"), state);
        assertTrue(state.contains("/opt/m4/b/index.html 644 root"), state);
    }

    @Test
    @Order(3)
    void aSecondRunChangesNothing() {
        LvsplayRun.Result second = hosts.lvsplay();
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(0, second.changed("rs1"), second.stdout());
    }

    @Test
    @Order(4)
    void ansiblePlaybookLeavesTheSameTreeWithTheSameChangedCount() throws Exception {
        if (!TwinHosts.ansibleInstalled()) {
            System.out.println("ansible-playbook not installed: comparison skipped");
            return;
        }
        String first = hosts.ansible();
        assertTrue(first.matches("(?s).*rs2\\s+: ok=\\d+\\s+changed=" + lvsplayFirstChanged + "\\s.*"), first);
        assertEquals(rs1.exec(STATE), hosts.rs2.exec(STATE), "the same tree");
        assertTrue(hosts.ansible().matches("(?s).*rs2\\s+: ok=\\d+\\s+changed=0\\s.*"));
    }
}
