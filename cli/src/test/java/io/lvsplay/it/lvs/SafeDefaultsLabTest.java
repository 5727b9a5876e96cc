package io.lvsplay.it.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import io.lvsplay.lab.Lab;
import io.lvsplay.lab.LabSpec;
import io.lvsplay.lab.LabTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * site.yml on real servers that already serve port 80 themselves, as on a user's network: nothing
 * is installed on them unless asked (lvs_demo_backend is off outside the lab), and the demo backend,
 * when asked for, refuses a port another process holds before anything changes. Another subnet and
 * other weights than the tutorials' (wrr 5:2).
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SafeDefaultsLabTest {

    Lab lab;
    Path userInventory;

    @BeforeAll
    void up(@TempDir Path stateDir) throws IOException {
        lab = Lab.up(LabSpec.builder().name("it-lvs-safe").topology(LabTopology.DR).realServers(2)
                .lanSubnet("10.242.1.0/24").scheduler("rr").stateDir(stateDir).build());
        // the user's own web servers on the real servers (not nginx, not started by lvsplay)
        for (String rs : List.of("rs1", "rs2")) {
            String page = "Real Server " + rs.substring(2) + " (" + lab.host(rs).address() + ")";
            lab.host(rs).run("mkdir -p /srv/www && echo '" + page + "' > /srv/www/index.html"
                    + " && setsid nohup python3 -m http.server 80 --directory /srv/www >/dev/null 2>&1 < /dev/null &"
                    + " for i in 1 2 3 4 5 6 7 8 9 10; do ss -Hltn 'sport = :80' | grep -q . && break; sleep 0.3; done");
        }
        // the user's inventory: no lvs_demo_backend line, wrr 5:2
        String text = Files.readString(lab.inventoryFile())
                .replace("lvs_demo_backend=true\n", "")
                .replaceFirst("(?m)^(rs1 .*)rs_weight=1", "$1rs_weight=5")
                .replaceFirst("(?m)^(rs2 .*)rs_weight=1", "$1rs_weight=2")
                .replace("lvs_scheduler=rr", "lvs_scheduler=wrr");
        userInventory = lab.inventoryFile().resolveSibling("inventory-user.ini");
        Files.writeString(userInventory, text);
    }

    @AfterAll
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void theDemoBackendRefusesAPortAnotherProcessHoldsBeforeAnyChange() {
        LvsplayRun.Result r = LvsLabTestBase.run(lab.inventoryFile(), "site.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().contains("rs1: tcp port 80 (0.0.0.0:80) is taken by python3 (pid "), r.output());
        assertEquals(0, r.totalChanged(), r.stdout());
        assertFalse(lab.host("rs1").exec("test -e /etc/nginx/conf.d/lvsplay-demo.conf").ok(), "no demo site");
        assertFalse(lab.host("director").exec("test -e /opt/lvsplay").ok(), "no change on the director either");
    }

    @Test
    @Order(2)
    void withoutTheDemoBackendTheUsersOwnServersAreBalanced() {
        LvsplayRun.Result r = LvsLabTestBase.run(userInventory, "site.yml");
        assertEquals(0, r.exitCode(), r.output());
        for (String rs : List.of("rs1", "rs2")) {
            assertFalse(lab.host(rs).exec("pgrep -x nginx").ok(), "nginx was not started on " + rs);
            assertFalse(lab.host(rs).exec("test -e /etc/nginx/conf.d/lvsplay-demo.conf").ok(), rs);
        }
        LvsplayRun.Result v = LvsLabTestBase.verify(userInventory, "--requests", "35");
        assertEquals(0, v.exitCode(), v.output());
        assertEquals(25, LvsLabTestBase.seen(v, "rs1"), v.stdout());
        assertEquals(10, LvsLabTestBase.seen(v, "rs2"), v.stdout());
    }

    @Test
    @Order(3)
    void aSecondRunChangesNothing() {
        LvsplayRun.Result again = LvsLabTestBase.run(userInventory, "site.yml");
        assertEquals(0, again.exitCode(), again.output());
        assertEquals(0, again.totalChanged(), again.stdout());
    }

    @Test
    @Order(4)
    void everyBadValueStopsTheRunBeforeAnyHostIsContacted() throws IOException {
        Path bad = lab.inventoryFile().resolveSibling("inventory-bad.ini");
        Files.writeString(bad, Files.readString(userInventory)
                .replaceFirst("(?m)^(rs1 .*)rs_weight=5", "$1rs_weight=70000")
                .replace("vip_port=80", "vip_port=65536")
                .replace("lvs_scheduler=wrr", "lvs_scheduler=wrr\nlvs_persistence=-1"));
        LvsplayRun.Result r = LvsLabTestBase.run(bad, "site.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().contains("host rs1: rs_weight must be a whole number 0-65535, got '70000'"), r.output());
        assertTrue(r.output().contains("vip_port must be a port 1-65535, got '65536'"), r.output());
        assertTrue(r.output().contains("lvs_persistence must be a whole number of seconds (0 = none), got '-1'"), r.output());
        assertFalse(r.output().contains("Gathering Facts"), "no host was contacted:\n" + r.output());
    }

    @Test
    @Order(5)
    void fullnatNeedsNothingOnTheRealServers() {
        assertEquals(0, LvsLabTestBase.run(userInventory, "lvs-teardown.yml", "-e", "lvs_teardown_demo_backend=false").exitCode());
        LvsplayRun.Result r = LvsLabTestBase.run(userInventory, "site.yml", "-e", "lvs_mode=fullnat");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("FULLNAT needs no settings on a real server"), r.output());
        for (String rs : List.of("rs1", "rs2")) {
            assertFalse(lab.host(rs).run("ip -o -4 addr show dev lo").contains(lab.vip()), "no VIP on " + rs);
            assertFalse(lab.host(rs).run("cat /etc/sysctl.conf").contains("arp_ignore"), "no ARP sysctls on " + rs);
        }
        assertTrue(lab.host("director").run("cat /etc/ipvsadm.rules").contains(" -m -w 5"), "saved as masquerading");
        LvsplayRun.Result v = LvsLabTestBase.verify(userInventory, "-e", "lvs_mode=fullnat", "--requests", "35");
        assertEquals(0, v.exitCode(), v.output());
        assertEquals(25, LvsLabTestBase.seen(v, "rs1"), v.stdout());
        LvsplayRun.Result again = LvsLabTestBase.run(userInventory, "site.yml", "-e", "lvs_mode=fullnat");
        assertEquals(0, again.totalChanged(), again.stdout());
    }

    @Test
    @Order(6)
    void fullnatRefusesKernelIpvs() {
        LvsplayRun.Result r = LvsLabTestBase.run(userInventory, "site.yml", "-e", "lvs_mode=fullnat", "-e", "lvs_dataplane=ipvs");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().contains("lvs_mode=fullnat is the lvsplay agent's proxy mode"), r.output());
    }
}
