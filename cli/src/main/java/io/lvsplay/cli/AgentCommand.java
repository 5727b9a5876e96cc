package io.lvsplay.cli;

import io.lvsplay.agent.AgentMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** lvsplay agent ...: the bundled forwarding agent's own command line (run, list -n, save -n, reload, ipvsadm ...). */
@Command(name = "agent", description = "Runs the forwarding agent's commands: run, check, list -n [--stats|--rate], save -n, "
        + "reload, set-weight, drain, ipvsadm ARGS. 'lvsplay agent --help' shows them.")
final class AgentCommand implements Callable<Integer> {

    /** Everything after "agent", in its original order (options and words alike), for the agent's own parser. */
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return AgentMain.run(args.toArray(new String[0]));
    }
}
