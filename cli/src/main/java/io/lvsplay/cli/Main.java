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
                "  lvsplay vault encrypt_string --vault-password-file pw 's3cret' --name db_password",
                "  lvsplay lab up --topology dr",
        },
        subcommands = {RunCommand.class, InventoryCommand.class, VaultCommand.class, LabCommand.class, AgentCommand.class,
                ModulesCommand.class, VerifyCommand.class, ImportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(CliEnvironment.system(), args);
    }

    /** Runs with the given surroundings (environment, working directory, home), read once. */
    static int execute(CliEnvironment environment, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = defaults.create(type);
                if (made instanceof BaseCommand command) {
                    command.environment = environment;
                }
                return made;
            }
        });
        // "-e @vars.yml" is Ansible's syntax for a vars file, not picocli's argument file
        cli.setExpandAtFiles(false);
        ExitHandler handler = new ExitHandler();
        cli.setParameterExceptionHandler(handler);
        cli.setExecutionExceptionHandler(handler);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
