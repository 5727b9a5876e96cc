package io.lvsplay.lab.vm;

import io.lvsplay.lab.HostPlan;
import io.lvsplay.lab.HostStatus;
import io.lvsplay.lab.InventoryWriter;
import io.lvsplay.lab.LabException;
import io.lvsplay.lab.LabLayout;
import io.lvsplay.lab.LabNetwork;
import io.lvsplay.lab.LabPlan;
import io.lvsplay.lab.LabSpec;
import io.lvsplay.lab.Role;
import io.lvsplay.lab.SshKeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A lab whose hosts are QEMU VMs running Debian's cloud kernel, so kernel IPVS (ip_vs), IPIP tunnels and
 * keepalived's virtual_server work for real, with the same layout, addresses and inventory as the container
 * lab ({@link io.lvsplay.lab.Lab}): the playbooks run unchanged and, with {@code lvs_dataplane: auto}, pick
 * the kernel data plane because the directors can load ip_vs.
 *
 * <p>Files: {@code <stateDir>/<name>/id_ed25519}, {@code known_hosts} (from the host keys the VMs print on
 * their serial consoles), {@code inventory.ini}, and {@code vm/<host>/} with the overlay disk, console log
 * and pid file. Host resources (bridges, taps, firewall rules, QEMU processes) are found by the lab's name,
 * so {@link #down} removes a lab completely even after the process that made it crashed. Lab names are
 * machine-wide for this backend. Needs root (bridges, taps). {@code close()} is {@code down}.
 */
public final class VmLab extends LabLayout implements AutoCloseable {

    static final String VM_DIR = "vm";
    private static final String ADDRESSES_FILE = "addresses";
    /** The lab's host names in plan order (director first), so status lists them as up did. */
    private static final String HOSTS_FILE = "hosts";

    private final VmSsh ssh;
    private final Map<String, VmHost> hosts;
    private Duration upTime;

    private VmLab(LabSpec spec, LabPlan plan, VmSsh ssh, Map<String, VmHost> hosts) {
        super(spec, plan);
        this.ssh = ssh;
        this.hosts = hosts;
    }

    /** Builds the VM image if its recipe changed, then brings the lab up with default VM sizes. */
    public static VmLab up(LabSpec spec, Path repoRoot) {
        return up(spec, VmImage.ensureBuilt(repoRoot), VmLabOptions.defaults());
    }

    /** Brings up the lab {@code spec} describes, replacing a VM lab of the same name; waits until every sshd answers. */
    public static VmLab up(LabSpec spec, VmImage image, VmLabOptions options) {
        Instant begin = Instant.now();
        HostRequirements.check();
        down(spec.stateDir(), spec.name());
        LabPlan plan = LabPlan.of(spec);
        Path dir = spec.labDir().toAbsolutePath().normalize();
        SshKeyPair key = SshKeyPair.ensure(dir, "lvsplay-lab-" + spec.name());
        VmSsh ssh = new VmSsh(key, dir.resolve(KNOWN_HOSTS_FILE));
        Map<String, VmHost> hosts = new LinkedHashMap<>();
        for (int i = 0; i < plan.hosts().size(); i++) {
            VmDefinition definition = VmDefinition.of(plan, i, dir.resolve(VM_DIR), options.memoryMb());
            hosts.put(definition.name(), new VmHost(definition, ssh));
        }
        VmLab lab = new VmLab(spec, plan, ssh, hosts);
        try {
            lab.create(image, options.bootTimeout());
            lab.upTime = Duration.between(begin, Instant.now());
            return lab;
        } catch (RuntimeException e) {
            try {
                down(spec.stateDir(), spec.name());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Stops the lab's VMs, deletes its bridges, taps and firewall rules, and removes its inventory,
     * known_hosts and VM disks; keeps the SSH key.
     */
    public static VmLabRemoval down(Path stateDir, String name) {
        Map<String, Long> vms = QemuProcesses.running(name);
        vms.forEach((host, pid) -> QemuProcesses.kill("VM " + host + " of lab " + name, pid));
        int links = LabBridges.remove(name);
        Path dir = stateDir.resolve(name);
        try {
            Files.deleteIfExists(dir.resolve(INVENTORY_FILE));
            Files.deleteIfExists(dir.resolve(KNOWN_HOSTS_FILE));
            deleteTree(dir.resolve(VM_DIR));
        } catch (IOException e) {
            throw new LabException("VM lab " + name + " stopped, but its files in " + dir
                    + " could not be deleted: " + e.getMessage(), e);
        }
        return new VmLabRemoval(name, vms.size(), links);
    }

    /**
     * Every VM recorded for the lab (state "running" or "stopped"), then any running VM of the lab that is
     * not recorded (left over from a crash). Empty: no such lab.
     */
    public static List<HostStatus> status(Path stateDir, String name) {
        Map<String, Long> running = QemuProcesses.running(name);
        List<HostStatus> result = new ArrayList<>();
        Path vmDir = stateDir.resolve(name).resolve(VM_DIR);
        if (Files.isDirectory(vmDir)) {
            try {
                for (String host : recordedHosts(vmDir)) {
                    Path addresses = vmDir.resolve(host).resolve(ADDRESSES_FILE);
                    List<String> recorded = Files.exists(addresses) ? Files.readAllLines(addresses) : List.of();
                    Long pid = running.remove(host);
                    result.add(new HostStatus(host, VmNames.qemuName(name, host) + (pid == null ? "" : " (pid " + pid + ")"),
                            pid == null ? "stopped" : "running", recorded));
                }
            } catch (IOException e) {
                throw new LabException("cannot read the VM lab state in " + vmDir + ": " + e.getMessage(), e);
            }
        }
        running.forEach((host, pid) -> result.add(
                new HostStatus(host, VmNames.qemuName(name, host) + " (pid " + pid + ")", "running", List.of())));
        return result;
    }

    private static List<String> recordedHosts(Path vmDir) throws IOException {
        Path hostsFile = vmDir.resolve(HOSTS_FILE);
        if (Files.exists(hostsFile)) {
            return Files.readAllLines(hostsFile).stream().filter(line -> !line.isBlank()).toList();
        }
        try (Stream<Path> dirs = Files.list(vmDir)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    private void create(VmImage image, Duration bootTimeout) {
        for (LabNetwork network : plan().networks()) {
            LabBridges.createBridge(plan().name(), network);
        }
        writeHostList();
        // All VMs boot at once: each boot is mostly one emulated CPU's work, so the host's cores share them.
        for (VmHost host : hosts.values()) {
            for (VmNic nic : host.definition().nics()) {
                LabBridges.createTap(plan().name(), nic);
            }
            writeAddresses(host);
            host.boot(image);
        }
        Instant deadline = Instant.now().plus(bootTimeout);
        for (VmHost host : hosts.values()) {
            host.awaitReady(deadline, bootTimeout);
        }
        writeKnownHosts();
        InventoryWriter.write(inventoryFile(), plan(), ssh.key().privateKey(), knownHostsFile());
    }

    private void writeHostList() {
        Path file = dir().resolve(VM_DIR).resolve(HOSTS_FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, hosts.keySet());
        } catch (IOException e) {
            throw new LabException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeAddresses(VmHost host) {
        Path file = host.definition().dir().resolve(ADDRESSES_FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, host.addresses());
        } catch (IOException e) {
            throw new LabException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    // The keys come from the VMs' serial consoles, which only QEMU writes: no trust on first use.
    private void writeKnownHosts() {
        StringBuilder sb = new StringBuilder();
        for (VmHost host : hosts.values()) {
            for (String address : host.addresses()) {
                sb.append(address).append(' ').append(host.hostKey()).append('\n');
            }
        }
        saveKnownHosts(sb.toString());
    }

    @Override
    public Path privateKey() {
        return ssh.key().privateKey();
    }

    /** From the start of {@code up} (including removing an older lab of the name) to every sshd answering. */
    public Duration upTime() {
        return upTime;
    }

    public VmHost host(String name) {
        VmHost host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("VM lab " + name() + " has no host '" + name + "'; its hosts are "
                    + String.join(", ", hosts.keySet()));
        }
        return host;
    }

    public List<VmHost> hosts() {
        return List.copyOf(hosts.values());
    }

    public List<VmHost> hosts(Role role) {
        return hosts.values().stream().filter(h -> h.role() == role).toList();
    }

    /** The plan of a host, for its addresses on each network. */
    public HostPlan hostPlan(String name) {
        return plan().host(name);
    }

    /** Powers every VM off; the networks, disks and files stay until {@link #close()} or {@link #down}. */
    public void stop() {
        hosts.values().forEach(VmHost::stop);
    }

    @Override
    public void close() {
        down(spec().stateDir(), name());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
