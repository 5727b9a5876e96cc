package io.lvsplay.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** lvsplay agent ...: the bundled forwarding agent's own command line (run, list -n, save -n, reload, ...). */
@Command(name = "agent", description = "Runs the forwarding agent's commands: run, list -n [--stats|--rate], save -n, "
        + "reload, set-weight, drain, check. 'lvsplay agent --help' shows them.")
final class AgentCommand implements Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Parameters(hidden = true)
    List<String> params = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>(params);
        all.addAll(args);
        try {
            // looked up by name so the CLI builds while the agent module is being reworked
            return (Integer) Class.forName("io.lvsplay.agent.AgentMain").getMethod("run", String[].class)
                    .invoke(null, (Object) all.toArray(new String[0]));
        } catch (ReflectiveOperationException e) {
            System.err.println("ERROR! the forwarding agent is not part of this build: " + e);
            return ExitCodes.GENERIC_ERROR;
        }
    }
}
