package io.lvsplay.lab.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.lab.LabException;
import io.lvsplay.lab.LabPlan;
import io.lvsplay.lab.LabSpec;
import io.lvsplay.lab.LabTopology;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-VM data QEMU and lvsplay-init get, checked without starting anything. */
class VmDefinitionTest {

    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMA22kKMF1KXkqkCFbLnfsB2dTSbecYszcp1gopWtuo2 lvsplay-lab-x";
    private static final Path VM_DIR = Path.of("/tmp/state/lab/vm");
    private static final VmImage IMAGE = new VmImage(Path.of("/cache/abc"), Path.of("/cache/abc/vmlinuz"),
            Path.of("/cache/abc/rootfs.img"), "6.1.0-56-cloud-amd64");

    private static LabPlan plan(LabTopology topology) {
        return LabPlan.of(LabSpec.builder().name("vmt").topology(topology).realServers(2)
                .lanSubnet("10.240.1.0/24").wanSubnet("10.240.2.0/24").build());
    }

    @Test
    void natDirectorGetsBothNicsInOrderAndItsFirstNetworksGateway() {
        LabPlan plan = plan(LabTopology.NAT);
        VmDefinition director = VmDefinition.of(plan, 0, VM_DIR, 256);
        String cmdline = director.kernelCommandLine(KEY);
        String mac0 = VmNames.mac("vmt", 0, 0);
        String mac1 = VmNames.mac("vmt", 0, 1);
        assertTrue(cmdline.contains(" lvsplay.hostname=director lvsplay.if=" + mac0 + ",eth0,10.240.2.11/24 lvsplay.if="
                + mac1 + ",eth1,10.240.1.11/24 lvsplay.gateway=10.240.2.1 "), cmdline);
        assertTrue(cmdline.endsWith(" lvsplay.authorized_key=ssh-ed25519,AAAAC3NzaC1lZDI1NTE5AAAAIMA22kKMF1KXkqkCFbLnfsB2dTSbecYszcp1gopWtuo2"),
                "the key's comment is dropped and its space becomes a comma: " + cmdline);
        assertTrue(cmdline.startsWith("console=ttyS0 root=/dev/nvme0n1 rw init=/sbin/lvsplay-init "), cmdline);
        assertEquals(List.of(VmNames.bridge("vmt", "wan"), VmNames.bridge("vmt", "lan")),
                director.nics().stream().map(VmNic::bridge).toList());
        assertEquals(VM_DIR.resolve("director").resolve("disk.qcow2"), director.disk());

        VmDefinition rs1 = VmDefinition.of(plan, 1, VM_DIR, 256);
        assertTrue(rs1.kernelCommandLine(KEY).contains(" lvsplay.gateway=10.240.1.1 "), "real servers sit on the lan");
    }

    @Test
    void qemuCommandEmulatesBootsTheImageThroughTheOverlayAndAttachesEveryTap() {
        VmDefinition director = VmDefinition.of(plan(LabTopology.NAT), 0, VM_DIR, 320);
        List<String> cmd = director.qemuCommand(IMAGE, KEY);
        String joined = String.join(" ", cmd);
        assertEquals("qemu-system-x86_64", cmd.get(0));
        assertEquals("lvsplay-vm/vmt/director", cmd.get(cmd.indexOf("-name") + 1));
        assertTrue(cmd.get(cmd.indexOf("-accel") + 1).startsWith("tcg"), joined);
        assertEquals("320", cmd.get(cmd.indexOf("-m") + 1));
        assertEquals("/cache/abc/vmlinuz", cmd.get(cmd.indexOf("-kernel") + 1));
        assertEquals(director.kernelCommandLine(KEY), cmd.get(cmd.indexOf("-append") + 1));
        assertTrue(joined.contains("-drive file=/tmp/state/lab/vm/director/disk.qcow2,if=none,id=root,format=qcow2"), joined);
        assertTrue(joined.contains("-serial file:/tmp/state/lab/vm/director/console.log"), joined);
        for (int nic = 0; nic < 2; nic++) {
            assertTrue(joined.contains("-netdev tap,id=net" + nic + ",ifname=" + VmNames.tap("vmt", 0, nic)
                    + ",script=no,downscript=no -device virtio-net-pci,netdev=net" + nic + ",mac="
                    + VmNames.mac("vmt", 0, nic)), joined);
        }
    }

    @Test
    void commasInTheDiskPathAreEscapedForQemu() {
        VmDefinition rs = VmDefinition.of(plan(LabTopology.DR), 1, Path.of("/tmp/a,b/vm"), 256);
        String joined = String.join(" ", rs.qemuCommand(IMAGE, KEY));
        assertTrue(joined.contains("-drive file=/tmp/a,,b/vm/rs1/disk.qcow2,if=none"), joined);
    }

    @Test
    void aKeyWithoutBase64PartIsRejected() {
        VmDefinition rs = VmDefinition.of(plan(LabTopology.DR), 1, VM_DIR, 256);
        assertThrows(LabException.class, () -> rs.kernelCommandLine("ssh-ed25519"));
    }

    @Test
    void interfaceNamesFitLinuxAndDifferPerLabHostAndNic() {
        String longest = "a234567890123456789012345678901234567890";
        Set<String> names = new HashSet<>();
        for (String lab : List.of("lvsplay", "lvsplay2", longest)) {
            names.add(VmNames.bridge(lab, "lan"));
            names.add(VmNames.bridge(lab, "wan"));
            for (int host = 0; host < 100; host += 33) {
                for (int nic = 0; nic < 2; nic++) {
                    names.add(VmNames.tap(lab, host, nic));
                }
            }
        }
        assertEquals(3 * (2 + 4 * 2), names.size());
        for (String name : names) {
            assertTrue(name.length() <= 15, name + " is longer than Linux's IFNAMSIZ allows");
        }
        assertEquals(VmNames.bridge("lvsplay", "lan"), VmNames.bridge("lvsplay", "lan"), "stable across runs");
        assertThrows(IllegalArgumentException.class, () -> VmNames.tap("lvsplay", 100, 0));
    }

    @Test
    void macsAreLocallyAdministeredUnicastAndUniqueInALab() {
        Set<String> macs = new HashSet<>();
        for (int host = 0; host < 5; host++) {
            for (int nic = 0; nic < 2; nic++) {
                String mac = VmNames.mac("lvsplay", host, nic);
                assertTrue(mac.matches("52:54:[0-9a-f]{2}(:[0-9a-f]{2}){3}"), mac);
                macs.add(mac);
            }
        }
        assertEquals(10, macs.size());
        assertNotEquals(VmNames.mac("lab-a", 0, 0), VmNames.mac("lab-b", 0, 0));
    }

    @Test
    void oneLabsQemuNamePrefixDoesNotMatchAnotherLabsVms() {
        assertTrue(VmNames.qemuName("it", "rs1").startsWith(VmNames.qemuNamePrefix("it")));
        assertTrue(!VmNames.qemuName("it2", "rs1").startsWith(VmNames.qemuNamePrefix("it")));
    }
}
