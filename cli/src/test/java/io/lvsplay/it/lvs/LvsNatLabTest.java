package io.lvsplay.it.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import io.lvsplay.lab.LabTopology;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** LVS-NAT in the lab: VIP on the wan side, rs2 on port 8080 behind VIP:80. */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class LvsNatLabTest extends LvsLabTestBase {

    @Override
    LabTopology topology() {
        return LabTopology.NAT;
    }

    @Override
    String lanSubnet() {
        return "10.231.42.0/24";
    }

    @Override
    String wanSubnet() {
        return "10.231.43.0/24";
    }

    @Test
    @Order(10)
    void realServersRouteThroughTheDipAndTheDirectorMasquerades() {
        String dip = lab.host("director").address("lan");
        String route = lab.host("rs1").run("ip -4 route show default");
        assertTrue(route.contains("via " + dip), route);
        assertTrue(directorRules().contains(":8080 -m -w 1"), directorRules());
        String nat = lab.host("director").run("iptables -t nat -S POSTROUTING");
        assertTrue(nat.contains("-j MASQUERADE"), nat);
        assertTrue(lab.host("director").run("cat /etc/iptables/rules.v4").contains("-j MASQUERADE"));
    }

    /** As with kernel IPVS-NAT, the real servers see and log the client, not the director (agent transparent mode). */
    @Test
    @Order(11)
    void realServersLogTheClientsOwnAddress() {
        String client = lab.host("client").address("wan");
        String dip = lab.host("director").address("lan");
        lab.host("rs1").run(": > /var/log/nginx/lvsplay-demo.log");
        lab.host("rs2").run(": > /var/log/nginx/lvsplay-demo.log");
        for (int i = 0; i < 4; i++) {
            lab.host("client").run("curl -s -m 5 -o /dev/null http://" + lab.vip() + "/");
        }
        String logs = lab.host("rs1").run("cat /var/log/nginx/lvsplay-demo.log") + lab.host("rs2").run("cat /var/log/nginx/lvsplay-demo.log");
        assertTrue(logs.contains(client + " - "), "the client " + client + " in the access logs:\n" + logs);
        // (the agent's health checks do come from the director)
        assertTrue(logs.lines().noneMatch(l -> l.startsWith(dip + " ") && l.contains("\"GET / ")),
                "no request from the director's " + dip + ":\n" + logs);
        assertTrue(lab.host("director").run("cat /etc/lvsplay/agent.yml").contains("transparent: true"));
        assertTrue(lab.host("director").run("ip -4 rule show").contains("lookup 4156"));
    }

    /** lvsplay import --from reads the live director (its agent's table) back into an inventory. */
    @Test
    @Order(20)
    void importFromTheLiveDirector() throws java.io.IOException {
        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("lvsplay-import-nat");
        String director = lab.host("director").address("wan");
        LvsplayRun.Result r = LvsplayRun.run("import", "--from", "director", "-i", lab.inventoryFile().toString(),
                "--director", "director=" + director, "-o", out.toString());
        assertEquals(0, r.exitCode(), r.output());
        String vars = java.nio.file.Files.readString(out.resolve("group_vars/all.yml"));
        String inventory = java.nio.file.Files.readString(out.resolve("inventory.ini"));
        assertTrue(vars.contains(lab.vip()), vars);
        assertTrue(inventory.contains(lab.host("rs1").address("lan")) && inventory.contains(lab.host("rs2").address("lan")), inventory);
        // what changed is the copy on the controller (delegated to localhost); nothing on the director
        assertTrue(r.stdout().lines().filter(l -> l.startsWith("changed:")).allMatch(l -> l.contains("-> localhost")),
                "reading changes nothing on the director:\n" + r.output());
    }

    /** lvs-teardown.yml takes the transparent relay's routing away with the rest. */
    @Test
    @Order(90)
    void teardownRemovesTheTransparentRouting() {
        assertEquals(0, run(lab.inventoryFile(), "lvs-teardown.yml").exitCode());
        String director = lab.host("director").run("ip -4 rule show; iptables -t mangle -S PREROUTING; "
                + "ip -4 route show table 4156 2>&1; cat /etc/iptables/rules.v4 2>/dev/null; ls /etc/network/if-up.d/");
        assertTrue(!director.contains("lookup 4156") && !director.contains("--transparent")
                && !director.contains("local default") && !director.contains("lvsplay-transparent"), director);
    }
}
