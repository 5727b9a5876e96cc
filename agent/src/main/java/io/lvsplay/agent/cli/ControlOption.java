package io.lvsplay.agent.cli;

import io.lvsplay.agent.config.AgentConfig;
import io.lvsplay.agent.control.ControlClient;
import io.lvsplay.agent.control.ControlReply;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;

/** {@code --control PATH} for the client commands, and sending one command over that socket. */
final class ControlOption {
    @Option(names = "--control", paramLabel = "PATH", description = "the agent's control socket (default: ${DEFAULT-VALUE})")
    Path control = AgentConfig.DEFAULT_CONTROL;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Prints the agent's answer (stdout on success, stderr otherwise) and returns its exit code. */
    int send(List<String> words) {
        ControlReply reply = ControlClient.send(control, words);
        (reply.exitCode() == 0 ? spec.commandLine().getOut() : spec.commandLine().getErr()).print(reply.body());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return reply.exitCode();
    }
}
