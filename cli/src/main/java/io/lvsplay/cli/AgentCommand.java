package io.lvsplay.cli;

import io.lvsplay.agent.AgentMain;
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
        return AgentMain.run(all.toArray(new String[0]));
    }
}
