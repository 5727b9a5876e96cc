package io.lvsplay.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;

/** The picocli command tree of {@code lvsplay-agent}. */
@Command(name = "lvsplay-agent", mixinStandardHelpOptions = true, version = "lvsplay-agent 0.1.0",
        description = "The lvsplay forwarding agent: a user-space IPVS director.",
        footer = {"", "  ipvsadm ARGS...  ipvsadm's own command line on the running agent",
                "                   (control socket from $LVSPLAY_AGENT_CONTROL, default /run/lvsplay-agent/control.sock)",
                "Exit codes: 0 ok, 1 error, 2 usage."},
        subcommands = {FileCommands.Run.class, FileCommands.Check.class, ClientCommands.ListTable.class, ClientCommands.Save.class,
                ClientCommands.Reload.class, ClientCommands.SetWeight.class, ClientCommands.Drain.class})
public final class AgentCommands implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new AgentCommands());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("lvsplay-agent: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return 2;
        });
        cl.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("lvsplay-agent: " + e);
            return 1;
        });
        return cl.execute(args);
    }
}
