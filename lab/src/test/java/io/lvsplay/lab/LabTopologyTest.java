package io.lvsplay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabTopologyTest {

    private static LabPlan plan(LabSpec.Builder builder) {
        return LabPlan.of(builder.build());
    }

    private static List<String> names(List<HostPlan> hosts) {
        return hosts.stream().map(HostPlan::name).toList();
    }

    @Test
    void drUsesTheTutorialAddresses() {
        LabPlan p = plan(LabSpec.builder().topology(LabTopology.DR).realServers(3));
        assertEquals(List.of("director", "rs1", "rs2", "rs3", "client"), names(p.hosts()));
        assertEquals("10.10.10.11", p.host("director").address());
        assertEquals("10.10.10.12", p.host("rs1").address());
        assertEquals("10.10.10.14", p.host("rs3").address());
        assertEquals("10.10.10.200", p.host("client").address());
        assertEquals("10.10.10.100", p.vip());
        assertEquals(List.of(new LabNetwork(LabNetwork.LAN, Subnet.parse("10.10.10.0/24"))), p.networks());
        assertEquals("dr", p.labVars().get("lvs_mode"));
    }

    @Test
    void tunHasTheDrLayoutButItsOwnMode() {
        LabPlan p = plan(LabSpec.builder().topology(LabTopology.TUN));
        assertEquals(List.of("director", "rs1", "rs2", "client"), names(p.hosts()));
        assertEquals("tun", p.labVars().get("lvs_mode"));
    }

    @Test
    void natPutsTheDirectorOnBothNetworksWithWanFirst() {
        LabPlan p = plan(LabSpec.builder().topology(LabTopology.NAT));
        HostPlan director = p.host("director");
        assertEquals(List.of(new Attachment("wan", "20.20.20.11", "eth0"), new Attachment("lan", "10.10.10.11", "eth1")),
                director.attachments());
        assertEquals("eth0", director.hostVars().get("lvs_external_iface"));
        assertEquals("eth1", director.hostVars().get("lvs_internal_iface"));
        assertEquals("20.20.20.20", p.host("client").address());
        assertEquals("20.20.20.100", p.vip());
        assertEquals("10.10.10.11", p.labVars().get("lvs_dip"));
        assertEquals(List.of("wan", "lan"), p.networks().stream().map(LabNetwork::key).toList());
    }

    @Test
    void natGivesEvenRealServersPort8080() {
        LabPlan p = plan(LabSpec.builder().topology(LabTopology.NAT).realServers(4));
        assertFalse(p.host("rs1").hostVars().containsKey("rs_port"));
        assertEquals("8080", p.host("rs2").hostVars().get("rs_port"));
        assertFalse(p.host("rs3").hostVars().containsKey("rs_port"));
        assertEquals("8080", p.host("rs4").hostVars().get("rs_port"));
        assertEquals("10.10.10.15", p.host("rs4").address());
    }

    @Test
    void haHasTwoDirectorsAndShiftsTheRealServers() {
        LabPlan p = plan(LabSpec.builder().topology(LabTopology.HA));
        assertEquals(List.of("director1", "director2"), names(p.hosts(Role.DIRECTOR)));
        assertEquals("10.10.10.11", p.host("director1").address());
        assertEquals("10.10.10.12", p.host("director2").address());
        assertEquals("10.10.10.13", p.host("rs1").address());
        // HA from the inventory alone: the playbooks derive MASTER/BACKUP and the priorities
        assertTrue(p.host("director1").hostVars().isEmpty());
        assertTrue(p.host("director2").hostVars().isEmpty());
        assertEquals("dr", p.labVars().get("lvs_mode"));
        assertEquals("true", p.labVars().get("lvs_ha"));
    }

    @Test
    void onlyTheLabTurnsTheDemoBackendOn() {
        for (LabTopology t : LabTopology.values()) {
            assertEquals("true", plan(LabSpec.builder().topology(t)).labVars().get("lvs_demo_backend"), t.name());
        }
    }

    @Test
    void subnetOverridesMoveEveryAddress() {
        LabPlan p = plan(LabSpec.builder().topology(LabTopology.NAT)
                .lanSubnet("10.231.1.0/24").wanSubnet("10.231.2.0/24"));
        assertEquals(List.of("10.231.2.11", "10.231.1.11"), p.host("director").addresses());
        assertEquals("10.231.1.13", p.host("rs2").address());
        assertEquals("10.231.2.20", p.host("client").address());
        assertEquals("10.231.2.100", p.vip());
    }

    @Test
    void realServersMustStayBelowTheVip() {
        assertThrows(IllegalArgumentException.class, () -> LabSpec.builder().realServers(0).build());
        assertEquals("10.10.10.99", plan(LabSpec.builder().realServers(88)).host("rs88").address());
        assertEquals("10.10.10.99", plan(LabSpec.builder().topology(LabTopology.HA).realServers(87)).host("rs87").address());
        LabSpec drWithTooMany = LabSpec.builder().realServers(89).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabPlan.of(drWithTooMany));
        assertTrue(e.getMessage().contains("VIP"), e.getMessage());
        LabSpec haWithTooMany = LabSpec.builder().topology(LabTopology.HA).realServers(88).build();
        assertThrows(IllegalArgumentException.class, () -> LabPlan.of(haWithTooMany));
    }

    @Test
    void parsesTopologyNamesAndRejectsOthers() {
        assertEquals(LabTopology.NAT, LabTopology.parse("nat"));
        assertEquals(LabTopology.HA, LabTopology.parse(" HA "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabTopology.parse("dsr"));
        assertTrue(e.getMessage().contains("dr, nat, tun, ha"), e.getMessage());
    }

    @Test
    void unknownHostNamesAreReportedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan(LabSpec.builder()).host("rs9"));
        assertTrue(e.getMessage().contains("director, rs1, rs2, client"), e.getMessage());
    }
}
