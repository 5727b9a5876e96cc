package io.lvsplay.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The lvsplay command: run playbooks, inspect inventories, drive the lab and the agent. */
@Command(name = "lvsplay", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Runs Ansible-compatible playbooks over SSH and builds Linux Virtual Server clusters.",
                "",
                "Common uses:",
                "  lvsplay run -i inventory.ini playbooks/site.yml",
                "  lvsplay inventory -i inventory.ini --list",
                "  lvsplay lab up --topology dr",
        },
        subcommands = {RunCommand.class, InventoryCommand.class, LabCommand.class, AgentCommand.class,
                ModulesCommand.class, VerifyCommand.class, ImportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // "-e @vars.yml" is Ansible's syntax for a vars file, not picocli's argument file
        cli.setExpandAtFiles(false);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("ERROR! " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("ERROR! " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ExitCodes.GENERIC_ERROR;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
