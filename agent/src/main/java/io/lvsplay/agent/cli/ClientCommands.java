package io.lvsplay.agent.cli;

import io.lvsplay.agent.rules.Endpoint;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The commands that talk to a running agent over its control socket. */
final class ClientCommands {
    private ClientCommands() {
    }

    @Command(name = "list", description = "The table in 'ipvsadm -Ln' layout.")
    static final class ListTable implements Callable<Integer> {
        @Option(names = {"-n", "--numeric"}, description = "accepted for ipvsadm habits; output is always numeric") boolean numeric;
        @ArgGroup(exclusive = true) Layout layout = new Layout();
        @Option(names = "--exact", description = "exact numbers in --stats and --rate") boolean exact;
        @Mixin ControlOption control;

        static final class Layout {
            @Option(names = "--stats", description = "as ipvsadm -Ln --stats") boolean stats;
            @Option(names = "--rate", description = "as ipvsadm -Ln --rate") boolean rate;
        }

        @Override
        public Integer call() {
            List<String> words = new ArrayList<>(List.of("list"));
            if (layout.stats) {
                words.add("--stats");
            }
            if (layout.rate) {
                words.add("--rate");
            }
            if (exact) {
                words.add("--exact");
            }
            return control.send(words);
        }
    }

    @Command(name = "save", description = "The table as 'ipvsadm-save -n' rules.")
    static final class Save implements Callable<Integer> {
        @Option(names = {"-n", "--numeric"}, description = "accepted for ipvsadm habits") boolean numeric;
        @Mixin ControlOption control;

        @Override
        public Integer call() {
            return control.send(List.of("save"));
        }
    }

    @Command(name = "reload", description = "Re-read the rules and config files (same as SIGHUP).")
    static final class Reload implements Callable<Integer> {
        @Mixin ControlOption control;

        @Override
        public Integer call() {
            return control.send(List.of("reload"));
        }
    }

    /** -t (default) or -u, as in ipvsadm. */
    static final class ProtocolChoice {
        @Option(names = {"-t", "--tcp-service"}, description = "a TCP service (the default)") boolean tcp;
        @Option(names = {"-u", "--udp-service"}, description = "a UDP service") boolean udp;
    }

    @Command(name = "set-weight", description = "Change a real server's weight for new connections.")
    static final class SetWeight implements Callable<Integer> {
        @ArgGroup(exclusive = true) ProtocolChoice protocol = new ProtocolChoice();
        @Parameters(index = "0", paramLabel = "VIP:PORT") String vip;
        @Parameters(index = "1", paramLabel = "RIP:PORT") String rip;
        @Parameters(index = "2", paramLabel = "WEIGHT") String weight;
        @Mixin ControlOption control;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            if (!weight.matches("\\d{1,5}")) {
                throw new ParameterException(spec.commandLine(), "weight must be a number 0-65535, got '" + weight + "'");
            }
            return control.send(List.of("set-weight", protocol.udp ? "udp" : "tcp", checked(spec, vip, rip), rip, weight));
        }
    }

    @Command(name = "drain", description = "Weight 0: no new connections, existing ones finish.")
    static final class Drain implements Callable<Integer> {
        @ArgGroup(exclusive = true) ProtocolChoice protocol = new ProtocolChoice();
        @Parameters(index = "0", paramLabel = "VIP:PORT") String vip;
        @Parameters(index = "1", paramLabel = "RIP:PORT") String rip;
        @Mixin ControlOption control;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            return control.send(List.of("drain", protocol.udp ? "udp" : "tcp", checked(spec, vip, rip), rip));
        }
    }

    /** Bad addresses are usage errors (exit 2) before the agent is asked. */
    private static String checked(CommandSpec spec, String vip, String rip) {
        try {
            Endpoint v = Endpoint.parse(vip, -1);
            Endpoint.parse(rip, v.port());
            return vip;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
