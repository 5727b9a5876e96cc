package io.lvsplay.it.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import io.lvsplay.lab.LabTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** LVS-DR in the lab, plus validation and the switch to NAT (teardown, then lvs-nat.yml). */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class LvsDrLabTest extends LvsLabTestBase {

    @Override
    LabTopology topology() {
        return LabTopology.DR;
    }

    @Override
    String lanSubnet() {
        return "10.231.41.0/24";
    }

    @Test
    @Order(10)
    void realServersOwnTheVipOnLoAndIgnoreArpForIt() {
        String addrs = lab.host("rs1").run("ip -o -4 addr show dev lo");
        assertTrue(addrs.contains(lab.vip() + "/32") && addrs.contains("lo:0"), addrs);
        assertEquals("1", lab.host("rs1").run("sysctl -n net.ipv4.conf.all.arp_ignore").strip());
        assertEquals("2", lab.host("rs1").run("sysctl -n net.ipv4.conf.eth0.arp_announce").strip());
        String conf = lab.host("rs1").run("grep -c arp_ignore /etc/sysctl.conf").strip();
        assertEquals("4", conf, "one line per key, never duplicated");
    }

    @Test
    @Order(11)
    void portMappingInDrFailsValidationBeforeAnyChange() throws IOException {
        Path bad = lab.inventoryFile().resolveSibling("inventory-bad.ini");
        Files.writeString(bad, Files.readString(lab.inventoryFile()).replaceFirst("(?m)^(rs2 .*)$", "$1 rs_port=8080"));
        LvsplayRun.Result r = run(bad, "site.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().contains("port mapping works only in NAT mode"), r.output());
        assertEquals(0, r.totalChanged(), r.stdout());
    }

    @Test
    @Order(12)
    void teardownThenNatSwitchesTheMode() {
        LvsplayRun.Result down = run(lab.inventoryFile(), "lvs-teardown.yml");
        assertEquals(0, down.exitCode(), down.output());
        assertFalse(lab.host("rs1").run("ip -o -4 addr show dev lo").contains(lab.vip()), "VIP gone from lo");
        assertFalse(lab.host("director").exec("test -e /etc/init.d/lvsplay-agent").ok(), "agent removed");
        assertFalse(lab.host("rs1").run("cat /etc/sysctl.conf").contains("arp_ignore"), "sysctl lines removed");
        // one-armed NAT on the DR lab's single network: the director's eth0 is also the DIP side
        LvsplayRun.Result nat = run(lab.inventoryFile(), "lvs-nat.yml", "-e", "lvs_internal_iface=eth0");
        assertEquals(0, nat.exitCode(), nat.output());
        assertTrue(directorRules().contains(" -m -w 1"), directorRules());
        LvsplayRun.Result v = verify(lab.inventoryFile(), "-e", "lvs_mode=nat");
        assertEquals(0, v.exitCode(), v.output());
        assertEquals(10, seen(v, "rs2"), v.stdout());
    }
}
