package io.lvsplay.cli;

import io.lvsplay.lab.HostStatus;
import io.lvsplay.lab.LabBackend;
import io.lvsplay.lab.LabException;
import io.lvsplay.lab.LabSpec;
import io.lvsplay.lab.LabTopology;
import io.lvsplay.lab.vm.VmLabOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * lvsplay lab up|down|status: lab hosts as local containers (default) or, with --backend vm, as QEMU VMs
 * with a real kernel (kernel IPVS, IPIP), with an inventory for them. Both behind {@link LabBackend}.
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

    /** A lab subcommand: the lab it targets, and one place that turns a lab failure into an exit code. */
    abstract static class LabSubcommand implements Callable<Integer> {
        @Mixin
        LabTargetOptions target;

        @Override
        public final Integer call() {
            try {
                return act();
            } catch (LabException | IllegalArgumentException e) {
                System.err.println("ERROR! " + e.getMessage());
                return ExitCodes.GENERIC_ERROR;
            }
        }

        abstract int act();
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Starts (or replaces) a lab and writes its inventory.")
    static final class Up extends LabSubcommand {
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
        @Option(names = "--vm-memory", defaultValue = "256", description = "MB of memory per VM with --backend vm (default: ${DEFAULT-VALUE}).")
        int vmMemory;
        @Option(names = "--vm-boot-timeout", defaultValue = "240",
                description = "Seconds to wait for every VM's sshd with --backend vm (default: ${DEFAULT-VALUE}).")
        int vmBootTimeout;

        @Override
        int act() {
            LabSpec.Builder spec = LabSpec.builder().name(target.name).topology(LabTopology.parse(topology))
                    .realServers(realServers).stateDir(target.stateDir());
            if (subnet != null) {
                spec.lanSubnet(subnet);
            }
            if (wanSubnet != null) {
                spec.wanSubnet(wanSubnet);
            }
            if (scheduler != null) {
                spec.scheduler(scheduler);
            }
            LabBackend backend = target.backend(new VmLabOptions(vmMemory, Duration.ofSeconds(vmBootTimeout)));
            LabBackend.RunningLab lab = backend.up(spec.build());
            System.out.println("lab '" + lab.name() + "' is up (" + topology + ", " + lab.description() + "):");
            lab.hostLines().forEach(line -> System.out.println("  " + line));
            System.out.println("inventory: " + lab.inventoryFile());
            System.out.println("next: ./lvsplay run -i " + lab.inventoryFile() + " playbooks/site.yml");
            System.out.println("stop: ./lvsplay lab down --name " + lab.name()
                    + (target.backend == LabTargetOptions.Backend.vm ? " --backend vm" : "")
                    + (target.stateDir == null ? "" : " --state-dir " + target.stateDir));
            return ExitCodes.OK;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Removes a lab's containers and networks (VMs, bridges and taps with --backend vm).")
    static final class Down extends LabSubcommand {
        @Override
        int act() {
            System.out.println(target.backend(VmLabOptions.defaults()).down(target.stateDir(), target.name));
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Shows a lab's hosts and their state.")
    static final class Status extends LabSubcommand {
        @Override
        int act() {
            List<HostStatus> hosts = target.backend(VmLabOptions.defaults()).status(target.stateDir(), target.name);
            System.out.printf("%-12s %-10s %s%n", "HOST", "STATE", "ADDRESSES");
            hosts.forEach(h -> System.out.printf("%-12s %-10s %s%n", h.name(), h.state(), String.join(", ", h.addresses())));
            return ExitCodes.OK;
        }
    }
}
