package io.lvsplay.cli;

import io.lvsplay.engine.config.AnsibleConfig;
import io.lvsplay.engine.config.Setting;
import io.lvsplay.engine.exec.ControllerContext;
import io.lvsplay.engine.exec.PlaybookRunner;
import io.lvsplay.engine.exec.RunListener;
import io.lvsplay.engine.check.StaticChecks;
import io.lvsplay.engine.exec.RunOptions;
import io.lvsplay.engine.exec.TaskFilter;
import io.lvsplay.engine.inventory.Inventory;
import io.lvsplay.engine.output.JsonOutput;
import io.lvsplay.engine.output.SecretRedactor;
import io.lvsplay.engine.output.TaskTimer;
import io.lvsplay.engine.output.TextOutput;
import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.Playbook;
import io.lvsplay.engine.ssh.AgentKeys;
import io.lvsplay.engine.ssh.HostKeyPolicy;
import io.lvsplay.engine.ssh.SshConnector;
import io.lvsplay.engine.vault.VaultKeyring;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** lvsplay run: ansible-playbook's job. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs playbooks against an inventory over SSH, like ansible-playbook.",
                "Everything (playbooks, roles, task files, templates named by static paths, inventory) is",
                "loaded and validated before any host is contacted. ansible.cfg and ANSIBLE_* are read as Ansible does.",
                "",
                "Exit codes: 0 ok, 2 a task failed, 4 a host was unreachable, 5 bad options or playbook."})
final class RunCommand extends BaseCommand {

    @Parameters(arity = "1..*", paramLabel = "PLAYBOOK", description = "Playbook file(s) to run, in order.")
    List<Path> playbooks;

    @Mixin
    InventoryOptions inventoryOptions;

    @Mixin
    ExtraVarsOptions extraVarsOptions;

    @Mixin
    VaultOptions vault;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "Run only on hosts matching this pattern.")
    String limit;

    @Option(names = {"-C", "--check"}, description = "Report what would change; change nothing.")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "Show differences in changed files and values.")
    boolean diff;

    @Option(names = {"-t", "--tags"}, split = ",", description = "Run only tasks with these tags.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--force-handlers", description = "Run notified handlers even on hosts that failed.")
    boolean forceHandlers;

    @Option(names = "--skip-tags", split = ",", description = "Skip tasks with these tags.")
    List<String> skipTags = new ArrayList<>();

    @Option(names = "--start-at-task", paramLabel = "NAME", description = "Start at the task with this name (glob).")
    String startAtTask;

    @Option(names = "--syntax-check", description = "Only load and validate; contact no host.")
    boolean syntaxCheck;

    @Option(names = "--list-hosts", description = "List the hosts each play would run on.")
    boolean listHosts;

    @Option(names = "--list-tasks", description = "List the tasks each play would run.")
    boolean listTasks;

    @Option(names = "--list-tags", description = "List the tags of the tasks each play would run.")
    boolean listTags;

    private final long startNanos = System.nanoTime();
    private final SecretRedactor redactor = new SecretRedactor();

    @Override
    int doCall() {
        SshConnector.warmUpInBackground();
        AnsibleConfig config = config();
        UnsupportedSettings.check(config);
        connection.checkBecomeMethod(config);
        VaultKeyring keyring = vault.install(config);
        keyring.subscribe(redactor::addSecretText);
        Engine engine = new Engine(config.paths(Setting.ROLES_PATH, ":"));
        Map<String, Object> extra = extraVarsOptions.parse();
        Inventory inventory = inventoryOptions.load(config);
        List<Playbook> loaded = new ArrayList<>();
        for (Path p : playbooks) {
            Playbook playbook = engine.loader.load(p);
            inventory.loadVarsDir(playbook.file().getParent());
            loaded.add(playbook);
        }
        new StaticChecks(engine.templar, inventory, extra).check(loaded);
        if (syntaxCheck) {
            loaded.forEach(p -> System.out.println("\nplaybook: " + p.file()));
            return ExitCodes.OK;
        }
        String becomePassword = connection.askBecomePass(config) ? askBecomePassword() : null;
        RunOptions options = runOptions(config, extra, becomePassword);
        learnSecrets(inventory, extra, loaded, becomePassword);
        RunListener listener = output.json ? new JsonOutput(System.out, redactor)
                : new TextOutput(System.out, output.verbosity(), redactor);
        if (output.profile) {
            listener = new TaskTimer(listener, output.json ? System.err : System.out, startNanos);
        }
        if (ProgressLine.wanted(output.json, System.console() != null, environment.env().get("TERM"), environment.env().get("LVSPLAY_PROGRESS"))) {
            listener = new ProgressLine(listener, System.out, startNanos, true);
        }
        PlaybookRunner runner = new PlaybookRunner(inventory, engine.modules, engine.loader, engine.templar, options, listener);
        if (listHosts || listTasks || listTags) {
            new PlayListing(listHosts, listTasks, listTags, new TaskFilter(tags, skipTags, null), engine.templar, extra)
                    .print(loaded, playbooks, runner);
            return ExitCodes.OK;
        }
        try {
            int rc = runner.run(loaded);
            if (output.stats) {
                TransportStatsTable.print(runner.transportStats(), output.json ? System.err : System.out);
            }
            return rc;
        } catch (io.lvsplay.engine.playbook.PlaybookError e) {
            throw new ExitException(ExitCodes.BAD_INPUT, e.report());
        }
    }

    private RunOptions runOptions(AnsibleConfig config, Map<String, Object> extra, String becomePassword) {
        HostKeyPolicy policy = !connection.hostKeyChecking(config) ? HostKeyPolicy.OFF
                : connection.acceptNewHostKeys ? HostKeyPolicy.ACCEPT_NEW : HostKeyPolicy.STRICT;
        return new RunOptions(check, diff, connection.forks(config), tags, skipTags, startAtTask, limit, extra,
                output.verbosity(), connection.become(config), connection.becomeUser(config), becomePassword,
                connection.user(config), connection.privateKey(config), policy, connection.timeout(config),
                forceHandlers || config.bool(Setting.FORCE_HANDLERS).orElse(false), connection.connectionType(),
                controllerContext(), config.bool(Setting.ERROR_ON_MISSING_HANDLER).orElse(true));
    }

    /** The controller's surroundings, read here once: the engine reads no environment of its own. */
    private ControllerContext controllerContext() {
        Map<String, String> env = environment.env();
        String python = java.util.Arrays.stream(env.getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "python3")).filter(Files::isExecutable).map(Path::toString)
                .findFirst().orElse(null);
        return new ControllerContext(Map.of("lvsplay_agent_jar", BundledAgent.path(env.get("LVSPLAY_HOME"))),
                env.get("LVSPLAY_KEY_PASSPHRASE"), AgentKeys.socket(env.get("SSH_AUTH_SOCK")), python);
    }

    private static String askBecomePassword() {
        Console console = System.console();
        if (console == null) {
            throw new ExitException(ExitCodes.BAD_INPUT,
                    "-K needs a terminal; set ansible_become_password in the inventory instead");
        }
        return new String(console.readPassword("BECOME password: "));
    }

    private void learnSecrets(Inventory inventory, Map<String, Object> extra, List<Playbook> loaded, String becomePassword) {
        inventory.hostNames().forEach(h -> redactor.learnFrom(inventory.varsOf(h)));
        redactor.learnFrom(extra);
        for (Playbook p : loaded) {
            for (Play play : p.plays()) {
                redactor.learnFrom(play.vars());
                redactor.learnFrom(play.varsFromFiles());
                redactor.learnFrom(play.roleDefaults());
                redactor.learnFrom(play.roleVars());
            }
        }
        if (becomePassword != null) {
            redactor.add(becomePassword);
        }
    }
}
