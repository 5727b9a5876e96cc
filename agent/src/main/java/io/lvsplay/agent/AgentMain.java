package io.lvsplay.agent;

import io.lvsplay.agent.cli.AgentCommands;
import io.lvsplay.agent.ipvsadm.IpvsadmClient;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code lvsplay-agent} command line. Exit codes: 0 ok, 1 error, 2 usage. {@link #run} returns the code so
 * that {@code lvsplay agent ...} can embed it; {@link #main} exits with it. {@code ipvsadm ARGS} has ipvsadm's
 * own grammar and exit codes, so it bypasses the picocli commands.
 */
public final class AgentMain {
    private AgentMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("ipvsadm")) {
            return IpvsadmClient.run(Arrays.asList(args).subList(1, args.length), System.in, out, err);
        }
        return AgentCommands.execute(args, out, err);
    }
}
