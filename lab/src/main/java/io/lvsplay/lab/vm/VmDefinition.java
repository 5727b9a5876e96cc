package io.lvsplay.lab.vm;

import io.lvsplay.lab.HostPlan;
import io.lvsplay.lab.LabException;
import io.lvsplay.lab.LabPlan;
import io.lvsplay.lab.LabNetwork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to start one lab VM: its host plan, NICs, files, the kernel command line that
 * {@code lvsplay-init} reads, and the QEMU command line. Pure data, so both can be checked without QEMU.
 *
 * @param dir where the VM's overlay disk, console log and pid file live ({@code <labDir>/vm/<host>})
 */
public record VmDefinition(String lab, HostPlan host, List<VmNic> nics, String gateway, Path dir, int memoryMb) {

    /** Kernel messages above warnings would only slow the emulated serial console down. */
    private static final String KERNEL_ARGS = "console=ttyS0 root=/dev/nvme0n1 rw init=/sbin/lvsplay-init panic=-1 loglevel=4";
    /** x86 Linux ignores everything past 2047 characters of its command line. */
    private static final int MAX_KERNEL_COMMAND_LINE = 2047;
    /**
     * TCG's translation cache defaults to 1 GiB per VM; a small one keeps five VMs from taking gigabytes of
     * host memory, at no measurable cost for a few daemons.
     */
    private static final int TCG_TB_SIZE_MB = 64;

    public VmDefinition {
        nics = List.copyOf(nics);
    }

    /** The VM of {@code host}, which is at position {@code hostIndex} of {@code plan}. */
    static VmDefinition of(LabPlan plan, int hostIndex, Path labVmDir, int memoryMb) {
        HostPlan host = plan.hosts().get(hostIndex);
        List<VmNic> nics = new ArrayList<>();
        for (int i = 0; i < host.attachments().size(); i++) {
            var attachment = host.attachments().get(i);
            nics.add(new VmNic(VmNames.tap(plan.name(), hostIndex, i), VmNames.mac(plan.name(), hostIndex, i),
                    VmNames.bridge(plan.name(), attachment.network()), attachment.iface(), attachment.address(), 24));
        }
        LabNetwork first = plan.network(host.attachments().get(0).network());
        return new VmDefinition(plan.name(), host, nics, first.subnet().gateway(),
                labVmDir.resolve(host.name()), memoryMb);
    }

    public String name() {
        return host.name();
    }

    public Path disk() {
        return dir.resolve("disk.qcow2");
    }

    public Path consoleLog() {
        return dir.resolve("console.log");
    }

    public Path pidFile() {
        return dir.resolve("qemu.pid");
    }

    /** What {@code lvsplay-init} reads from /proc/cmdline; {@code authorizedKey} is "TYPE BASE64 [comment]". */
    String kernelCommandLine(String authorizedKey) {
        String[] key = authorizedKey.strip().split("\\s+");
        if (key.length < 2) {
            throw new LabException("the lab's public key '" + authorizedKey + "' is not of the form TYPE BASE64");
        }
        StringBuilder sb = new StringBuilder(KERNEL_ARGS);
        sb.append(" lvsplay.hostname=").append(host.name());
        for (VmNic nic : nics) {
            sb.append(" lvsplay.if=").append(nic.initSpec());
        }
        sb.append(" lvsplay.gateway=").append(gateway);
        sb.append(" lvsplay.authorized_key=").append(key[0]).append(',').append(key[1]);
        if (sb.length() > MAX_KERNEL_COMMAND_LINE) {
            throw new LabException("the kernel command line of VM " + host.name() + " is " + sb.length()
                    + " characters, more than Linux reads (" + MAX_KERNEL_COMMAND_LINE + ")");
        }
        return sb.toString();
    }

    /** The qemu-system-x86_64 command line: detached, serial console to {@link #consoleLog()}, no graphics. */
    List<String> qemuCommand(VmImage image, String authorizedKey) {
        List<String> cmd = new ArrayList<>(List.of(
                "qemu-system-x86_64",
                "-name", VmNames.qemuName(lab, host.name()),
                // KVM is not usable on the machines this runs on (it hangs); emulation works everywhere.
                // -cpu max gives the guest RDRAND, so its random pool is ready at once for ssh-keygen.
                "-accel", "tcg,tb-size=" + TCG_TB_SIZE_MB, "-cpu", "max",
                "-m", Integer.toString(memoryMb), "-smp", "1",
                "-nodefaults", "-display", "none", "-monitor", "none", "-no-reboot",
                "-kernel", image.kernel().toString(),
                "-append", kernelCommandLine(authorizedKey),
                // NVMe, because the cloud kernel has its driver built in (virtio-blk is a module), so the
                // root file system mounts without an initrd.
                "-drive", "file=" + qemuOption(disk().toString()) + ",if=none,id=root,format=qcow2",
                "-device", "nvme,drive=root,serial=lvsplayroot",
                "-serial", "file:" + consoleLog(),
                "-daemonize", "-pidfile", pidFile().toString()));
        for (int i = 0; i < nics.size(); i++) {
            VmNic nic = nics.get(i);
            cmd.addAll(List.of(
                    "-netdev", "tap,id=net" + i + ",ifname=" + nic.tap() + ",script=no,downscript=no",
                    "-device", "virtio-net-pci,netdev=net" + i + ",mac=" + nic.mac()));
        }
        return cmd;
    }

    /** QEMU option values escape a comma by doubling it. */
    private static String qemuOption(String value) {
        return value.replace(",", ",,");
    }
}
