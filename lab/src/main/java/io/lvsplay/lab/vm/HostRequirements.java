package io.lvsplay.lab.vm;

import io.lvsplay.lab.LabException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this machine must offer before a VM lab can start, checked up front so that a missing piece is
 * reported as what to do, not as a failed {@code ip link add} halfway through.
 */
final class HostRequirements {

    private static final int CAP_NET_ADMIN = 12;
    private static final Path TUN = Path.of("/dev/net/tun");

    private HostRequirements() {
    }

    static void check() {
        if (!hasNetAdmin(Path.of("/proc/self/status"))) {
            throw new LabException("the VM lab creates bridges and tap devices, which needs root (CAP_NET_ADMIN): "
                    + "run lvsplay lab up --backend vm as root");
        }
        if (!Files.exists(TUN)) {
            throw new LabException(TUN + " is missing, so QEMU cannot attach VMs to the lab networks: "
                    + "load the tun module (modprobe tun) or give the container access to /dev/net/tun");
        }
    }

    /** Whether the effective capability set in a /proc/PID/status file includes CAP_NET_ADMIN. */
    static boolean hasNetAdmin(Path procStatus) {
        try {
            for (String line : Files.readAllLines(procStatus)) {
                if (line.startsWith("CapEff:")) {
                    return new BigInteger(line.substring("CapEff:".length()).strip(), 16).testBit(CAP_NET_ADMIN);
                }
            }
            return false;
        } catch (IOException | NumberFormatException e) {
            return false; // not Linux, or unreadable: the 'ip' commands would fail the same way
        }
    }
}
