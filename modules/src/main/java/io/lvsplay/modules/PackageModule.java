package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.module.ResultReader;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Installs and removes packages with apt-get, dnf or yum. {@code package} picks whichever the
 * host has; {@code apt}, {@code dnf} and {@code yum} insist on their own. Which manager, and
 * which of the packages are installed (or upgradable for state=latest), is one command.
 */
public final class PackageModule implements Module {
    private static final List<String> MANAGERS = List.of("apt", "dnf", "yum");

    private final String name;
    private final String forcedManager;

    private PackageModule(String name, String forcedManager) {
        this.name = name;
        this.forcedManager = forcedManager;
    }

    /** The generic module: uses the manager the host has. */
    public static PackageModule generic() {
        return new PackageModule("package", null);
    }

    /** apt, dnf or yum: the same module bound to one manager. */
    public static PackageModule forManager(String manager) {
        if (!MANAGERS.contains(manager)) {
            throw new IllegalArgumentException("unknown package manager " + manager);
        }
        return new PackageModule(manager, manager);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin." + name, "ansible.legacy." + name);
    }

    @Override
    public ArgSpec argSpec() {
        ArgSpec spec = ArgSpec.of()
                .arg("name", Type.LIST).alias("pkg", "name")
                .choice("state", "present", "present", "installed", "absent", "removed", "latest")
                .arg("update_cache", Type.BOOL, false)
                .arg("cache_valid_time", Type.INT)
                .arg("install_recommends", Type.BOOL)
                .requiredOneOf("name", "update_cache");
        if ("apt".equals(forcedManager)) {
            return UnsupportedArgs.apt(spec);
        }
        return forcedManager == null ? spec.notSupported("use") : UnsupportedArgs.rpm(spec);
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        List<String> packages = args.list("name").stream().map(String::valueOf).map(String::strip).toList();
        String state = switch (args.str("state")) {
            case "installed" -> "present";
            case "removed" -> "absent";
            default -> args.str("state");
        };
        boolean updateCache = args.bool("update_cache", false);
        Probe probe = probe(ctx.host(), packages, state, args.integer("cache_valid_time"));
        String manager = forcedManager != null ? forcedManager : probe.manager();
        if (manager.equals("none") || (forcedManager != null && !probe.available().contains(forcedManager))) {
            throw new ModuleFailure("no " + (forcedManager == null ? "apt-get, dnf or yum" : forcedManager)
                    + " on " + ctx.hostName() + ": cannot manage packages " + packages);
        }
        List<String> todo = switch (state) {
            case "absent" -> packages.stream().filter(p -> probe.installed().contains(baseName(p))).toList();
            case "latest" -> packages.stream().filter(p -> !probe.installed().contains(baseName(p))
                    || probe.upgradable().contains(baseName(p))).toList();
            default -> packages.stream().filter(p -> !probe.installed().contains(baseName(p))).toList();
        };
        // the cache is refreshed only when something will be installed, or when it is all that was asked
        boolean refresh = updateCache && !probe.cacheFresh() && (packages.isEmpty() || !todo.isEmpty());
        List<Change> changes = new ArrayList<>();
        String update = refresh ? updateCommand(manager) : null;
        if (!todo.isEmpty() || refresh) {
            String command = todo.isEmpty() ? update : packageCommand(manager, state, todo, args);
            String description = todo.isEmpty() ? "update the " + manager + " cache"
                    : (state.equals("absent") ? "remove " : "install ") + String.join(" ", todo);
            String withUpdate = update != null && !todo.isEmpty() ? update + " && " + command : command;
            changes.add(Change.named(description).then(RemoteCommand.of(withUpdate), runOrFail(description)));
        }
        return Plan.changes(changes, Results.of("packages", todo, "cache_updated", refresh,
                "msg", todo.isEmpty() ? "all packages are " + state : null));
    }

    /* "nginx=1.2" and "nginx:amd64" are queried as "nginx". */
    private static String baseName(String spec) {
        return spec.split("[=:]", 2)[0];
    }

    record Probe(String manager, Set<String> available, Set<String> installed, Set<String> upgradable,
                 boolean cacheFresh) {}

    private Probe probe(RemoteHost host, List<String> packages, String state, Integer cacheValidSeconds) {
        List<String> names = packages.stream().map(PackageModule::baseName).toList();
        String words = ShellQuote.join(names);
        boolean latest = state.equals("latest") && !names.isEmpty();
        String apt = names.isEmpty() ? "" : "dpkg-query -W -f='installed ${Package} ${Status}\\n' -- " + words + " 2>/dev/null\n";
        String rpm = names.isEmpty() ? "" : "rpm -q --qf 'installed %{NAME} x x installed\\n' -- " + words + " 2>/dev/null\n";
        String script = "export LC_ALL=C\n"
                + "for m in apt-get dnf yum; do command -v $m >/dev/null 2>&1 && echo available $m; done\n"
                + "if command -v apt-get >/dev/null 2>&1; then\n"
                + apt
                + (latest ? "apt-get -s -q install -- " + words + " 2>/dev/null | sed -n 's/^Inst \\([^ ]*\\) \\[.*/upgradable \\1/p'\n" : "")
                + (cacheValidSeconds != null ? "t=$(stat -c %Y /var/lib/apt/periodic/update-success-stamp /var/cache/apt/pkgcache.bin 2>/dev/null | sort -n | tail -1); "
                        + "[ -n \"$t\" ] && [ $(( $(date +%s) - t )) -lt " + cacheValidSeconds + " ] && echo cache fresh\n" : "")
                + "elif command -v rpm >/dev/null 2>&1; then\n"
                + rpm
                + (latest ? "$(command -v dnf || command -v yum) -q check-update -- " + words
                        + " 2>/dev/null | awk 'NF==3 {sub(/\\.[^.]*$/, \"\", $1); print \"upgradable \" $1}'\n" : "")
                + "fi\n"
                + "true";
        ExecResult r = host.run(script);
        Set<String> available = new LinkedHashSet<>();
        Set<String> installed = new LinkedHashSet<>();
        Set<String> upgradable = new LinkedHashSet<>();
        boolean fresh = false;
        for (String line : r.stdout().split("\n")) {
            String[] w = line.strip().split("\\s+");
            switch (w[0]) {
                case "available" -> available.add(w[1].equals("apt-get") ? "apt" : w[1]);
                // dpkg status is "want ok status": only "installed" counts (not config-files)
                case "installed" -> {
                    if (w.length >= 5 && w[4].equals("installed")) {
                        installed.add(w[1]);
                    }
                }
                case "upgradable" -> upgradable.add(w[1]);
                case "cache" -> fresh = true;
                default -> {
                }
            }
        }
        String manager = MANAGERS.stream().filter(available::contains).findFirst().orElse("none");
        return new Probe(manager, available, installed, upgradable, fresh);
    }

    private static String updateCommand(String manager) {
        return switch (manager) {
            case "apt" -> "DEBIAN_FRONTEND=noninteractive apt-get update -q";
            default -> manager + " -q -y makecache";
        };
    }

    private static String packageCommand(String manager, String state, List<String> packages, ModuleArgs args) {
        String words = ShellQuote.join(packages);
        if (manager.equals("apt")) {
            String recommends = args.has("install_recommends")
                    ? (args.bool("install_recommends", true) ? " --install-recommends" : " --no-install-recommends") : "";
            return "DEBIAN_FRONTEND=noninteractive apt-get " + (state.equals("absent") ? "remove" : "install")
                    + " -y -q" + recommends + " -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold -- " + words;
        }
        String verb = state.equals("absent") ? "remove" : "install";
        String upgrade = state.equals("latest") ? " && " + manager + " -y -q upgrade -- " + words : "";
        return manager + " -y -q " + verb + " -- " + words + upgrade;
    }

    private static ResultReader runOrFail(String what) {
        return (r, host) -> {
            Map<String, Object> result = Results.of("rc", r.exitCode(), "stdout", r.stdout(), "stderr", r.stderr(),
                "stdout_lines", Results.lines(r.stdout().strip()));
        if (!r.ok()) {
                throw new ModuleFailure("failed to " + what + " on " + host + ": " + r.stderr().strip(), result);
            }
            return result;
        };
    }
}
