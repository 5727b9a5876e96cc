package io.lvsplay.cli;

import io.lvsplay.lab.HostStatus;
import io.lvsplay.lab.Lab;
import io.lvsplay.lab.LabException;
import io.lvsplay.lab.LabImage;
import io.lvsplay.lab.LabRemoval;
import io.lvsplay.lab.LabSpec;
import io.lvsplay.lab.LabTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** lvsplay lab up|down|status: lab hosts as local containers, with an inventory for them. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "A local lab of containers with sshd (director, real servers, client) and its inventory.",
        subcommands = {LabCommand.Up.class, LabCommand.Down.class, LabCommand.Status.class})
final class LabCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static Path stateDir(Path given) {
        return given != null ? given : Path.of(".lab");
    }

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

        @Override
        public Integer call() {
            try {
                LabImage.ensureBuilt(repoRoot());
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
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Removes a lab's containers and networks.")
    static final class Down implements Callable<Integer> {
        @Option(names = "--name", defaultValue = "lvsplay", description = "Lab name (default: ${DEFAULT-VALUE}).")
        String name;
        @Option(names = "--state-dir", description = "Where the lab's state is (default ./.lab).")
        Path stateDir;

        @Override
        public Integer call() {
            try {
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

        @Override
        public Integer call() {
            try {
                List<HostStatus> hosts = Lab.status(stateDir(stateDir), name);
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
