package io.lvsplay.cli;

import io.lvsplay.engine.exec.PlaybookRunner;
import io.lvsplay.engine.exec.RunListener;
import io.lvsplay.engine.exec.RunOptions;
import io.lvsplay.engine.inventory.Inventory;
import io.lvsplay.engine.inventory.InventoryError;
import io.lvsplay.engine.inventory.InventoryLoader;
import io.lvsplay.engine.output.JsonOutput;
import io.lvsplay.engine.output.SecretRedactor;
import io.lvsplay.engine.output.TaskTimer;
import io.lvsplay.engine.output.TextOutput;
import io.lvsplay.engine.playbook.Block;
import io.lvsplay.engine.playbook.IncludeTasks;
import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.Playbook;
import io.lvsplay.engine.playbook.PlaybookError;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskItem;
import io.lvsplay.engine.ssh.HostKeyPolicy;
import io.lvsplay.engine.ssh.SshConnector;
import io.lvsplay.engine.template.TemplateError;
import java.io.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** lvsplay run: ansible-playbook's job. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs playbooks against an inventory over SSH, like ansible-playbook.",
                "Everything (playbooks, roles, task files, templates named by static paths, inventory) is",
                "loaded and validated before any host is contacted.",
                "",
                "Exit codes: 0 ok, 2 a task failed, 4 a host was unreachable, 5 bad options or playbook."})
final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PLAYBOOK", description = "Playbook file(s) to run, in order.")
    List<Path> playbooks;

    @Option(names = {"-i", "--inventory"}, paramLabel = "INV",
            description = "Inventory file, directory, or comma list 'h1,h2,' (repeatable). Default: $ANSIBLE_INVENTORY or /etc/ansible/hosts.")
    List<String> inventories = new ArrayList<>();

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "Run only on hosts matching this pattern.")
    String limit;

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = "Extra variables (highest precedence): key=value, JSON/YAML, or @file (repeatable).")
    List<String> extraVars = new ArrayList<>();

    @Option(names = {"-C", "--check"}, description = "Report what would change; change nothing.")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "Show differences in changed files and values.")
    boolean diff;

    @Option(names = {"-f", "--forks"}, defaultValue = "10", description = "Hosts handled in parallel (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = {"-t", "--tags"}, split = ",", description = "Run only tasks with these tags.")
    List<String> tags = new ArrayList<>();

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

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "SSH user when the inventory sets none.")
    String user;

    @Option(names = "--private-key", paramLabel = "FILE", description = "SSH private key when the inventory sets none.")
    Path privateKey;

    @Option(names = {"-b", "--become"}, description = "Run tasks with sudo.")
    boolean become;

    @Option(names = "--become-user", paramLabel = "USER", description = "User to become (default root).")
    String becomeUser;

    @Option(names = {"-K", "--ask-become-pass"}, description = "Ask for the sudo password.")
    boolean askBecomePass;

    @Option(names = "--accept-new-host-keys", description = "Record unknown SSH host keys in known_hosts (changed keys are still refused).")
    boolean acceptNewHostKeys;

    @Option(names = "--timeout", defaultValue = "10", description = "SSH connect timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "-v", description = "More output (-v, -vv, -vvv).")
    boolean[] verbose = new boolean[0];

    @Option(names = "--json", description = "Print one JSON document with every result instead of the text output.")
    boolean json;

    @Option(names = "--profile", description = "After the recap, print how long each task took, slowest first.")
    boolean profile;

    private final long startNanos = System.nanoTime();

    @Override
    public Integer call() {
        SshConnector.warmUpInBackground();
        Engine engine = new Engine();
        Inventory inventory;
        List<Playbook> loaded = new ArrayList<>();
        Map<String, Object> extra;
        try {
            extra = ExtraVars.parse(extraVars);
            inventory = InventoryLoader.load(inventorySources());
            for (Path p : playbooks) {
                Playbook playbook = engine.loader.load(p);
                inventory.loadVarsDir(playbook.file().getParent());
                loaded.add(playbook);
            }
            new StaticChecks(engine.templar, inventory, extra).check(loaded);
        } catch (PlaybookError | InventoryError | TemplateError | IllegalArgumentException e) {
            System.err.println("ERROR! " + e.getMessage());
            System.err.println("Nothing was run: fix the problem above and try again.");
            return ExitCodes.BAD_INPUT;
        }
        if (syntaxCheck) {
            loaded.forEach(p -> System.out.println("\nplaybook: " + p.file()));
            return ExitCodes.OK;
        }
        String becomePassword = null;
        if (askBecomePass) {
            Console console = System.console();
            if (console == null) {
                System.err.println("ERROR! -K needs a terminal; set ansible_become_password in the inventory instead");
                return ExitCodes.BAD_INPUT;
            }
            becomePassword = new String(console.readPassword("BECOME password: "));
        }
        RunOptions options = new RunOptions(check, diff, forks, tags, skipTags, startAtTask, limit, extra,
                verbose.length, become, becomeUser, becomePassword, user, privateKey,
                acceptNewHostKeys ? HostKeyPolicy.ACCEPT_NEW : HostKeyPolicy.STRICT, timeout);
        SecretRedactor redactor = new SecretRedactor();
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
        RunListener listener = json ? new JsonOutput(System.out, redactor) : new TextOutput(System.out, verbose.length, redactor);
        if (profile) {
            listener = new TaskTimer(listener, json ? System.err : System.out, startNanos);
        }
        PlaybookRunner runner = new PlaybookRunner(inventory, engine.modules, engine.loader, engine.templar, options, listener);
        if (listHosts || listTasks) {
            list(loaded, runner);
            return ExitCodes.OK;
        }
        try {
            return runner.run(loaded);
        } catch (PlaybookError e) {
            System.err.println("ERROR! " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private List<String> inventorySources() {
        if (!inventories.isEmpty()) {
            return inventories;
        }
        String env = System.getenv("ANSIBLE_INVENTORY");
        if (env != null && !env.isBlank()) {
            return List.of(env.split(","));
        }
        return java.nio.file.Files.exists(Path.of("/etc/ansible/hosts")) ? List.of("/etc/ansible/hosts") : List.of();
    }

    private void list(List<Playbook> loaded, PlaybookRunner runner) {
        for (Playbook p : loaded) {
            System.out.println("\nplaybook: " + p.file());
            int n = 1;
            for (Play play : p.plays()) {
                System.out.println("\n  play #" + n++ + " (" + play.hosts() + "): " + play.title());
                if (listHosts) {
                    List<String> hosts = runner.hostsOf(play);
                    System.out.println("    pattern: ['" + play.hosts() + "']");
                    System.out.println("    hosts (" + hosts.size() + "):");
                    hosts.forEach(h -> System.out.println("      " + h));
                }
                if (listTasks) {
                    System.out.println("    tasks:");
                    printTasks(play.preTasks(), "      ");
                    printTasks(play.tasks(), "      ");
                    printTasks(play.postTasks(), "      ");
                }
            }
        }
    }

    private static void printTasks(List<TaskItem> items, String indent) {
        for (TaskItem item : items) {
            if (item instanceof Task t) {
                String prefix = t.role() != null ? t.role().name() + " : " : "";
                System.out.println(indent + prefix + t.title() + (t.tags().isEmpty() ? "" : "\tTAGS: " + t.tags()));
            } else if (item instanceof Block b) {
                printTasks(b.block(), indent);
                printTasks(b.rescue(), indent);
                printTasks(b.always(), indent);
            } else if (item instanceof IncludeTasks inc) {
                System.out.println(indent + "include_tasks: " + inc.file());
            }
        }
    }
}
