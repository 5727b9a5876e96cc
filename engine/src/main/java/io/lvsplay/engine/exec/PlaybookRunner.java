package io.lvsplay.engine.exec;

import io.lvsplay.engine.inventory.Inventory;
import io.lvsplay.engine.module.ModuleRegistry;
import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.Playbook;
import io.lvsplay.engine.playbook.PlaybookLoader;
import io.lvsplay.engine.template.Templar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs validated playbooks against an inventory and returns ansible-playbook's exit code. */
public final class PlaybookRunner {
    public static final int OK = 0;
    public static final int HOST_FAILED = 2;
    public static final int HOST_UNREACHABLE = 4;

    private final Inventory inventory;
    private final ModuleRegistry modules;
    private final PlaybookLoader loader;
    private final Templar templar;
    private final RunOptions options;
    private final RunListener listener;
    private Map<String, HostTransportStats> transportStats = Map.of();

    public PlaybookRunner(Inventory inventory, ModuleRegistry modules, PlaybookLoader loader, Templar templar,
                          RunOptions options, RunListener listener) {
        this.inventory = inventory;
        this.modules = modules;
        this.loader = loader;
        this.templar = templar;
        this.options = options;
        this.listener = listener;
        templar.onWarning(listener::warning);
    }

    /** The hosts a play runs on: its pattern, narrowed by --limit. */
    public List<String> hostsOf(Play play) {
        List<String> hosts = inventory.select(hostPattern(play));
        if (options.limit() != null && !options.limit().isBlank()) {
            List<String> limit = inventory.select(options.limit());
            hosts = hosts.stream().filter(limit::contains).toList();
        }
        return hosts;
    }

    /** "hosts:" may be a template of play vars and extra vars (not host vars), as in Ansible; a list joins with ",". */
    private String hostPattern(Play play) {
        if (!play.hosts().contains("{{")) {
            return play.hosts();
        }
        Map<String, Object> vars = PlaySettings.playVars(play, options);
        Object value = templar.template(play.hosts(), vars, "hosts of play '" + play.title() + "'");
        return value instanceof java.util.Collection<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
    }

    /** Round trips and time per host of the last run, hosts in name order (for --stats). */
    public Map<String, HostTransportStats> transportStats() {
        return transportStats;
    }

    public int run(List<Playbook> playbooks) {
        Map<String, HostStats> stats = new LinkedHashMap<>();
        Map<String, HostState> states = new LinkedHashMap<>();
        ExecutorService forks = Executors.newFixedThreadPool(Math.max(1, options.forks()), r -> {
            Thread t = new Thread(r, "lvsplay-fork");
            t.setDaemon(true);
            return t;
        });
        TaskFilter filter = new TaskFilter(options.tags(), options.skipTags(), options.startAtTask());
        AsyncJobs jobs = new AsyncJobs();
        try (ConnectionPool connections = new ConnectionPool(options, templar)) {
            PlayContext.Run run = new PlayContext.Run(inventory, modules, templar, connections, options, listener, forks,
                    states, loader, filter, jobs);
            plays:
            for (Playbook playbook : playbooks) {
                for (Play written : playbook.plays()) {
                    Play play = PlaySettings.withTemplatedName(
                            VarsPrompter.answer(written, options.extraVars(), VarsPrompter.CONSOLE), templar, options);
                    PlaySettings settings = PlaySettings.resolve(play, templar, options);
                    List<String> hosts = settings.ordered(hostsOf(play));
                    for (String h : hosts) {
                        HostStats s = stats.computeIfAbsent(h, k -> new HostStats());
                        states.computeIfAbsent(h, k -> new HostState(k, s));
                    }
                    List<String> runnable = hosts.stream()
                            .filter(h -> !states.get(h).unreachable && !states.get(h).failed).toList();
                    boolean hostsLeft = new PlayRunner(run, play, settings).run(runnable);
                    if (!hostsLeft) {
                        break plays;
                    }
                }
            }
            jobs.stopAll(listener);
            transportStats = connections.stats();
        } finally {
            forks.shutdownNow();
        }
        listener.recap(stats);
        if (states.values().stream().anyMatch(s -> s.unreachable)) {
            return HOST_UNREACHABLE;
        }
        if (states.values().stream().anyMatch(s -> s.failed)) {
            return HOST_FAILED;
        }
        return OK;
    }
}
