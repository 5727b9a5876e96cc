package io.lvsplay.lab.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.lab.LabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a built VM image, the VM sizing options and the host capability check, without QEMU. */
class VmImageTest {

    @TempDir
    Path dir;

    @Test
    void aCompleteImageDirectoryIsRead() throws Exception {
        Files.writeString(dir.resolve("vmlinuz"), "kernel");
        Files.writeString(dir.resolve("rootfs.img"), "ext4");
        Files.writeString(dir.resolve("kernel-release"), "6.1.0-56-cloud-amd64\n");
        VmImage image = VmImage.at(dir);
        assertEquals("6.1.0-56-cloud-amd64", image.kernelRelease());
        assertEquals(dir.resolve("rootfs.img"), image.rootfs());
    }

    @Test
    void anInterruptedBuildIsReportedWithTheFixNamed() throws Exception {
        Files.writeString(dir.resolve("vmlinuz"), "kernel");
        LabException e = assertThrows(LabException.class, () -> VmImage.at(dir));
        assertTrue(e.getMessage().contains("has no rootfs.img") && e.getMessage().contains("build-vm-image.sh --force"),
                e.getMessage());
    }

    @Test
    void ensureBuiltWithoutACheckoutSaysWhereTheScriptShouldBe() {
        LabException e = assertThrows(LabException.class, () -> VmImage.ensureBuilt(dir));
        assertTrue(e.getMessage().contains("lab/vm/build-vm-image.sh") && e.getMessage().contains("LVSPLAY_HOME"),
                e.getMessage());
    }

    @Test
    void tooLittleMemoryOrNoTimeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new VmLabOptions(64, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new VmLabOptions(256, Duration.ZERO));
        assertEquals(256, VmLabOptions.defaults().memoryMb());
    }

    @Test
    void netAdminIsReadFromTheEffectiveCapabilities() throws Exception {
        Path root = dir.resolve("root");
        Files.writeString(root, "Name:\tjava\nCapPrm:\t000001ffffffffff\nCapEff:\t000001ffffffffff\n");
        Path netAdminOnly = dir.resolve("netadmin");
        Files.writeString(netAdminOnly, "CapEff:\t0000000000001000\n");
        Path user = dir.resolve("user");
        Files.writeString(user, "CapPrm:\t0000000000001000\nCapEff:\t0000000000000000\n");
        assertTrue(HostRequirements.hasNetAdmin(root));
        assertTrue(HostRequirements.hasNetAdmin(netAdminOnly));
        assertFalse(HostRequirements.hasNetAdmin(user), "permitted but not effective is not enough");
        assertFalse(HostRequirements.hasNetAdmin(dir.resolve("missing")));
    }
}
