package io.lvsplay.it.lvs;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
