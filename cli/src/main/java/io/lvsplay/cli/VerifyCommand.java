package io.lvsplay.cli;

import io.lvsplay.cli.verify.Playbooks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lvsplay verify}: runs the shipped playbooks/verify.yml, so the check is the same one
 * ansible-playbook users run (requests through every VIP from a client, distribution asserted).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Proves an LVS cluster through its VIPs: requests from a client host, answers checked against",
                "the scheduler (rr order, wrr weights, sh stickiness), a distribution table and the director's view.",
                "Runs playbooks/verify.yml; exit code 0 when the cluster is right, 2 when it is not."})
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "INV", description = "Inventory of the cluster (groups directors, realservers, clients).")
    String inventory;

    @Option(names = {"-n", "--requests"}, defaultValue = "20", paramLabel = "N", description = "Requests per VIP (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS", description = "Extra variables, as for run (repeatable).")
    List<String> extraVars = new ArrayList<>();

    @Option(names = "--json", description = "Print the run as one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        if (requests < 1) {
            System.err.println("ERROR! --requests must be at least 1");
            return ExitCodes.BAD_INPUT;
        }
        Optional<Path> playbook = Playbooks.find("verify.yml");
        if (playbook.isEmpty()) {
            System.err.println("ERROR! cannot find playbooks/verify.yml: set LVSPLAY_HOME to the lvsplay checkout "
                    + "or run from it");
            return ExitCodes.BAD_INPUT;
        }
        List<String> args = new ArrayList<>(List.of("run", "-i", inventory, playbook.get().toString(),
                "-e", "verify_requests=" + requests));
        for (String e : extraVars) {
            args.add("-e");
            args.add(e);
        }
        if (json) {
            args.add("--json");
        }
        return Main.execute(args.toArray(String[]::new));
    }
}
