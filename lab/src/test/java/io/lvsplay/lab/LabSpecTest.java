package io.lvsplay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LabSpecTest {

    @Test
    void defaultsAreTheTutorialLab() {
        LabSpec spec = LabSpec.builder().build();
        assertEquals("lvsplay", spec.name());
        assertEquals(LabTopology.DR, spec.topology());
        assertEquals(2, spec.realServers());
        assertEquals("10.10.10.0/24", spec.lanSubnet().cidr());
        assertEquals("20.20.20.0/24", spec.wanSubnet().cidr());
        assertEquals(Path.of(".lab", "lvsplay"), spec.labDir());
        assertEquals("lvsplay-lab:latest", spec.image());
    }

    @Test
    void rejectsNamesDockerWouldNot() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabSpec.builder().name("My Lab").build());
        assertTrue(e.getMessage().contains("My Lab"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabSpec.builder().name("-x").build());
    }

    @Test
    void natNeedsTwoSubnets() {
        assertThrows(IllegalArgumentException.class, () -> LabSpec.builder().topology(LabTopology.NAT)
                .lanSubnet("10.1.1.0/24").wanSubnet("10.1.1.0/24").build());
    }

    @Test
    void subnetsMustBeSlash24() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabSpec.builder().lanSubnet("10.1.0.0/16"));
        assertTrue(e.getMessage().contains("/24"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Subnet.parse("10.1.300.0/24"));
        assertThrows(IllegalArgumentException.class, () -> Subnet.parse("10.1.1.0/24").address(1));
        assertEquals("10.1.1.1", Subnet.parse("10.1.1.0/24").gateway());
    }
}
