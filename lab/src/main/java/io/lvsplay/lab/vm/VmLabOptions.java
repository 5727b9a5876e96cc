package io.lvsplay.lab.vm;

import java.time.Duration;

/**
 * How lab VMs are sized and how long {@code up} waits for them. The defaults fit a director with
 * keepalived or a real server with nginx (they use ~40 MB) and leave room for a loaded build machine:
 * one VM boots to SSH in about 5 s when idle, but QEMU emulates the CPU, so load stretches that a lot.
 */
public record VmLabOptions(int memoryMb, Duration bootTimeout) {

    public static final int DEFAULT_MEMORY_MB = 256;
    public static final Duration DEFAULT_BOOT_TIMEOUT = Duration.ofMinutes(4);

    public VmLabOptions {
        if (memoryMb < 128) {
            throw new IllegalArgumentException("a lab VM needs at least 128 MB of memory, not " + memoryMb);
        }
        if (bootTimeout.isNegative() || bootTimeout.isZero()) {
            throw new IllegalArgumentException("the VM boot timeout must be positive, not " + bootTimeout);
        }
    }

    public static VmLabOptions defaults() {
        return new VmLabOptions(DEFAULT_MEMORY_MB, DEFAULT_BOOT_TIMEOUT);
    }
}
