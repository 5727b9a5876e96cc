package io.lvsplay.agent.cli;

import io.lvsplay.agent.Agent;
import io.lvsplay.agent.AgentSetup;
import io.lvsplay.agent.Signals;
import io.lvsplay.agent.config.InvalidConfigException;
import io.lvsplay.agent.net.RelayChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The commands that read the rules and config files: run and check. */
final class FileCommands {
    private FileCommands() {
    }

    @Command(name = "run", description = {"Forward the virtual services of the ipvsadm rules FILE in the foreground.",
            "SIGHUP or 'reload' re-reads the files; SIGTERM stops."})
    static final class Run implements Callable<Integer> {
        @Option(names = "--rules", required = true, paramLabel = "FILE") Path rules;
        @Option(names = "--config", paramLabel = "FILE") Optional<Path> config;
        @Option(names = "--control", paramLabel = "PATH", description = "overrides the config's control socket") Optional<Path> control;
        @Option(names = "--pidfile", paramLabel = "PATH") Optional<Path> pidfile;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Agent agent;
            try {
                agent = Agent.start(rules, config, control);
            } catch (InvalidConfigException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            } catch (IOException e) {
                spec.commandLine().getErr().println("lvsplay-agent: cannot start: " + e.getMessage());
                return 1;
            }
            if (pidfile.isPresent()) {
                try {
                    Files.writeString(pidfile.get(), ProcessHandle.current().pid() + "\n");
                } catch (IOException e) {
                    spec.commandLine().getErr().println("lvsplay-agent: cannot write pid file " + pidfile.get() + ": " + e.getMessage());
                    agent.close();
                    return 1;
                }
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Signals.onHangup(agent::reload);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                agent.close();
                pidfile.ifPresent(p -> p.toFile().delete());
                stopped.countDown();
            }, "shutdown"));
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    @Command(name = "check", description = "Validate the rules and config; prints OK or FILE:LINE: problem (exit 1).")
    static final class Check implements Callable<Integer> {
        @Option(names = "--rules", required = true, paramLabel = "FILE") Path rules;
        @Option(names = "--config", paramLabel = "FILE") Optional<Path> config;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            AgentSetup setup;
            try {
                setup = AgentSetup.load(rules, config);
            } catch (InvalidConfigException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("OK");
            spec.commandLine().getOut().println(RelayChoice.of(setup.config().relay()));
            return 0;
        }
    }
}
