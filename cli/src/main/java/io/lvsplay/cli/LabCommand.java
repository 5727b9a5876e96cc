package io.lvsplay.cli;

import io.lvsplay.lab.HostStatus;
import io.lvsplay.lab.Lab;
import io.lvsplay.lab.LabException;
import io.lvsplay.lab.LabImage;
import io.lvsplay.lab.LabRemoval;
import io.lvsplay.lab.LabSpec;
import io.lvsplay.lab.LabTopology;
import io.lvsplay.lab.vm.VmHost;
import io.lvsplay.lab.vm.VmImage;
import io.lvsplay.lab.vm.VmLab;
import io.lvsplay.lab.vm.VmLabOptions;
import io.lvsplay.lab.vm.VmLabRemoval;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * lvsplay lab up|down|status: lab hosts as local containers (default) or, with --backend vm, as QEMU VMs
 * with a real kernel (kernel IPVS, IPIP), with an inventory for them.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "A local lab (director, real servers, client) with sshd and its inventory: containers, "
                + "or QEMU VMs with a real IPVS kernel (--backend vm).",
        subcommands = {LabCommand.Up.class, LabCommand.Down.class, LabCommand.Status.class})
final class LabCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static Path stateDir(Path given) {
        return given != null ? given : Path.of(".lab");
    }

    /** Which kind of lab host: containers share this machine's kernel, VMs boot their own (with IPVS). */
    enum Backend { container, vm }

    /** The repository root, where lab/image/build-image.sh lives (null when run from elsewhere). */
    static Path repoRoot() {
        String env = System.getenv("LVSPLAY_HOME");
        for (Path candidate : new Path[] {env == null ? null : Path.of(env), Path.of("").toAbsolutePath()}) {
            if (candidate != null && Files.isRegularFile(candidate.resolve("lab/image/build-image.sh"))) {
                return candidate;
            }
        }
        return null;
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Starts (or replaces) a lab and writes its inventory.")
    static final class Up implements Callable<Integer> {
        @Option(names = "--name", defaultValue = "lvsplay", description = "Lab name (default: ${DEFAULT-VALUE}).")
        String name;
        @Option(names = "--topology", defaultValue = "dr", description = "dr, nat, tun or ha (default: ${DEFAULT-VALUE}).")
        String topology;
        @Option(names = "--real-servers", defaultValue = "2", description = "Number of real servers (default: ${DEFAULT-VALUE}).")
        int realServers;
        @Option(names = "--subnet", description = "LAN subnet instead of 10.10.10.0/24.")
        String subnet;
        @Option(names = "--wan-subnet", description = "NAT external subnet instead of 20.20.20.0/24.")
        String wanSubnet;
        @Option(names = "--scheduler", description = "lvs_scheduler written to the inventory (default rr).")
        String scheduler;
        @Option(names = "--state-dir", description = "Where keys and inventories go (default ./.lab).")
        Path stateDir;
        @Option(names = "--backend", defaultValue = "container",
                description = "container or vm (QEMU VMs with Debian's cloud kernel: kernel IPVS; needs root) "
                        + "(default: ${DEFAULT-VALUE}).")
        Backend backend;
        @Option(names = "--vm-memory", defaultValue = "256", description = "MB of memory per VM with --backend vm (default: ${DEFAULT-VALUE}).")
        int vmMemory;
        @Option(names = "--vm-boot-timeout", defaultValue = "240",
                description = "Seconds to wait for every VM's sshd with --backend vm (default: ${DEFAULT-VALUE}).")
        int vmBootTimeout;

        @Override
        public Integer call() {
            try {
                if (backend == Backend.container) {
                    LabImage.ensureBuilt(repoRoot());
                }
                LabSpec.Builder spec = LabSpec.builder().name(name).topology(LabTopology.parse(topology))
                        .realServers(realServers).stateDir(stateDir(stateDir));
                if (subnet != null) {
                    spec.lanSubnet(subnet);
                }
                if (wanSubnet != null) {
                    spec.wanSubnet(wanSubnet);
                }
                if (scheduler != null) {
                    spec.scheduler(scheduler);
                }
                if (backend == Backend.vm) {
                    return upVms(spec.build());
                }
                Lab lab = Lab.up(spec.build());
                System.out.println("lab '" + lab.name() + "' is up (" + topology + "):");
                lab.hosts().forEach(h -> System.out.println("  " + h.name() + "\t" + String.join(", ", h.addresses())));
                System.out.println("inventory: " + lab.inventoryFile());
                System.out.println("next: ./lvsplay run -i " + lab.inventoryFile() + " playbooks/site.yml");
                return ExitCodes.OK;
            } catch (LabException | IllegalArgumentException e) {
                System.err.println("ERROR! " + e.getMessage());
                return ExitCodes.GENERIC_ERROR;
            }
        }

        private int upVms(LabSpec spec) {
            Path repo = repoRoot();
            if (repo == null) {
                throw new LabException("--backend vm builds its image with lab/vm/build-vm-image.sh: run lvsplay "
                        + "from the lvsplay checkout or set LVSPLAY_HOME to it");
            }
            VmImage image = VmImage.ensureBuilt(repo);
            VmLab lab = VmLab.up(spec, image, new VmLabOptions(vmMemory, Duration.ofSeconds(vmBootTimeout)));
            System.out.printf("lab '%s' is up (%s, VMs with kernel %s) in %.1f s:%n", lab.name(), topology,
                    image.kernelRelease(), lab.upTime().toMillis() / 1000.0);
            for (VmHost h : lab.hosts()) {
                System.out.printf("  %s\t%s\t(booted in %.1f s)%n", h.name(), String.join(", ", h.addresses()),
                        h.bootTime().orElseThrow().toMillis() / 1000.0);
            }
            System.out.println("inventory: " + lab.inventoryFile());
            System.out.println("next: ./lvsplay run -i " + lab.inventoryFile() + " playbooks/site.yml");
            System.out.println("stop: ./lvsplay lab down --backend vm --name " + lab.name()
                    + (stateDir == null ? "" : " --state-dir " + stateDir));
            return ExitCodes.OK;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Removes a lab's containers and networks (VMs, bridges and taps with --backend vm).")
    static final class Down implements Callable<Integer> {
        @Option(names = "--name", defaultValue = "lvsplay", description = "Lab name (default: ${DEFAULT-VALUE}).")
        String name;
        @Option(names = "--state-dir", description = "Where the lab's state is (default ./.lab).")
        Path stateDir;
        @Option(names = "--backend", defaultValue = "container", description = "container or vm (default: ${DEFAULT-VALUE}).")
        Backend backend;

        @Override
        public Integer call() {
            try {
                if (backend == Backend.vm) {
                    VmLabRemoval removed = VmLab.down(stateDir(stateDir), name);
                    System.out.println("lab '" + removed.lab() + "' removed: " + removed.vms() + " VMs, "
                            + removed.links() + " bridges and taps");
                    return ExitCodes.OK;
                }
                LabRemoval removed = Lab.down(stateDir(stateDir), name);
                System.out.println("lab '" + removed.lab() + "' removed: " + removed.containers() + " containers, "
                        + removed.networks() + " networks");
                return ExitCodes.OK;
            } catch (LabException e) {
                System.err.println("ERROR! " + e.getMessage());
                return ExitCodes.GENERIC_ERROR;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Shows a lab's hosts and their state.")
    static final class Status implements Callable<Integer> {
        @Option(names = "--name", defaultValue = "lvsplay", description = "Lab name (default: ${DEFAULT-VALUE}).")
        String name;
        @Option(names = "--state-dir", description = "Where the lab's state is (default ./.lab).")
        Path stateDir;
        @Option(names = "--backend", defaultValue = "container", description = "container or vm (default: ${DEFAULT-VALUE}).")
        Backend backend;

        @Override
        public Integer call() {
            try {
                List<HostStatus> hosts = backend == Backend.vm ? VmLab.status(stateDir(stateDir), name)
                        : Lab.status(stateDir(stateDir), name);
                System.out.printf("%-12s %-10s %s%n", "HOST", "STATE", "ADDRESSES");
                hosts.forEach(h -> System.out.printf("%-12s %-10s %s%n", h.name(), h.state(), String.join(", ", h.addresses())));
                return ExitCodes.OK;
            } catch (LabException e) {
                System.err.println("ERROR! " + e.getMessage());
                return ExitCodes.GENERIC_ERROR;
            }
        }
    }
}
