package io.lvsplay.it.modules5;

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
 * sysvinit end to end on a host without systemd: a small init script (prepare-host.sh) started,
 * enabled with update-rc.d and disabled in one runlevel; lvsplay on rs1, ansible-playbook on rs2,
 * which must end with the same links and a running service.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Modules5LabTest {
    /** What each host must end with, compared between the two. */
    private static final String STATE = "ls /etc/rc0.d /etc/rc1.d /etc/rc2.d /etc/rc3.d /etc/rc4.d /etc/rc5.d /etc/rc6.d"
            + " | grep -e m5d -e : ; /etc/init.d/m5d status; cat /run/m5d.args; true";
    private static TwinHosts hosts;
    private static LabHostContainer rs1;

    @BeforeAll
    static void startHosts() throws Exception {
        hosts = TwinHosts.start("modules5-twins", "10.208.1.0/24", "modules5");
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
        // the runlevel 5 task sees no links yet (the first task made none), as Ansible's check mode does
        assertEquals(1, check.changed("rs1"), check.stdout());
        assertEquals(before, rs1.exec(STATE), "--check leaves the host as it was");
        assertTrue(before.contains("m5d is not running."), before);
    }

    @Test
    @Order(2)
    void aFirstRunStartsAndEnables() {
        LvsplayRun.Result first = hosts.lvsplay("--diff");
        assertEquals(0, first.exitCode(), first.output());
        assertEquals(2, first.changed("rs1"), first.stdout());
        String state = rs1.exec(STATE);
        assertTrue(state.contains("m5d is running.\nfast"), state);
        assertTrue(state.contains("/etc/rc2.d:\nS01m5d"), state);
        assertTrue(state.contains("/etc/rc5.d:\nK01m5d"), state);
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
    void aServiceStoppedBehindItsBackIsStartedAgain() {
        rs1.exec("/etc/init.d/m5d stop");
        LvsplayRun.Result again = hosts.lvsplay();
        assertEquals(0, again.exitCode(), again.output());
        assertEquals(1, again.changed("rs1"), again.stdout());
        assertTrue(rs1.exec(STATE).contains("m5d is running."));
    }

    @Test
    @Order(5)
    void ansiblePlaybookLeavesTheSameStateWithTheSameChangedCount() throws Exception {
        if (!TwinHosts.ansibleInstalled()) {
            System.out.println("ansible-playbook not installed: comparison skipped");
            return;
        }
        String first = hosts.ansible();
        assertTrue(first.matches("(?s).*rs2\\s+: ok=\\d+\\s+changed=2\\s.*"), first);
        assertEquals(rs1.exec(STATE), hosts.rs2.exec(STATE), "the same links, running");
        assertTrue(hosts.ansible().matches("(?s).*rs2\\s+: ok=\\d+\\s+changed=0\\s.*"));
    }
}
