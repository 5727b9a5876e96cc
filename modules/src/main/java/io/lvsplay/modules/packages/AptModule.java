package io.lvsplay.modules.packages;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.packages.AptState.Installed;
import io.lvsplay.modules.packages.AptState.Simulation;
import io.lvsplay.modules.support.HostCommand;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's apt: packages present (optionally at a version glob), latest, absent (optionally
 * purged), fixed, a local .deb, autoremove, and the package lists refreshed when older than
 * cache_valid_time. What would change is read from dpkg and from apt-get's own simulation (-s), so
 * --check is exact and --diff shows apt's plan. The lists are refreshed only when something is
 * installed or the refresh is all that was asked: a refresh alone is not a change lvsplay reports.
 */
public final class AptModule implements Module {
    static final String APT_GET = "DEBIAN_FRONTEND=noninteractive DEBIAN_PRIORITY=critical apt-get -y -q"
            + " -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold";

    private static final ArgSpec SPEC = ArgSpec.of()
            .arg("name", Type.LIST).elements(Type.STR).aliases("pkg", "package")
            .choice("state", "present", "absent", "fixed", "latest", "present")
            .arg("update_cache", Type.BOOL).aliases("update-cache")
            .arg("cache_valid_time", Type.INT, 0)
            .arg("purge", Type.BOOL, false)
            .arg("deb", Type.PATH)
            .arg("install_recommends", Type.BOOL).aliases("install-recommends")
            .arg("autoremove", Type.BOOL, false)
            .mutuallyExclusive("deb", "name")
            .requiredOneOf("autoremove", "deb", "name", "update_cache")
            .notSupportedBecause("upgrade", "list the packages with state: latest instead")
            .notSupported("allow_unauthenticated", "allow-unauthenticated", "allow_downgrade", "allow-downgrade",
                    "allow_downgrades", "allow-downgrades", "allow_change_held_packages", "autoclean", "clean",
                    "default_release", "default-release", "dpkg_options", "fail_on_autoremove", "force",
                    "force_apt_get", "lock_timeout", "only_upgrade", "policy_rc_d", "update_cache_retries",
                    "update_cache_retry_max_delay");

    @Override
    public String name() {
        return "apt";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.apt");
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        List<String> names = args.list("name").stream().map(String::valueOf).map(String::strip).toList();
        if (names.contains("*")) {
            throw new ModuleFailure("lvsplay does not support name: '*' (upgrading every package)");
        }
        names.stream().filter(n -> n.chars().filter(c -> c == '=').count() > 1).findFirst().ifPresent(n -> {
            throw new ModuleFailure("invalid package spec: " + n);
        });
        String state = args.str("state");
        String deb = args.str("deb");
        if (deb != null && !state.equals("present")) {
            throw new ModuleFailure("deb only supports state=present");
        }
        if (deb != null && deb.contains("://")) {
            throw new ModuleFailure("lvsplay does not support a URL in deb: download it with get_url first");
        }
        RemoteHost host = ctx.host();
        Debfile debfile = deb == null ? null : Debfile.read(host, deb);
        List<String> query = new ArrayList<>(names.stream().map(AptModule::baseName).toList());
        if (debfile != null) {
            query.add(debfile.name());
        }
        AptState apt = AptState.read(host, query);
        if (!apt.hasApt()) {
            throw new ModuleFailure("apt-get is not on " + ctx.hostName() + ": the apt module is for Debian-family"
                    + " hosts (use dnf/yum or package)");
        }
        boolean refresh = (args.bool("update_cache", false) || args.integer("cache_valid_time", 0) > 0)
                && apt.cacheOlderThan(args.integer("cache_valid_time", 0));
        Work work = work(args, state, names, debfile, apt, host, refresh);
        List<Change> changes = new ArrayList<>();
        boolean onlyCache = names.isEmpty() && deb == null && !args.bool("autoremove", false);
        boolean refreshes = refresh && (onlyCache || work != null);
        if (refreshes) {
            changes.add(Change.named("update the apt package lists")
                    .then(RemoteCommand.of(UPDATE), (r, h) -> {
                        HostCommand.fields("update the apt package lists").read(r, h);
                        return Map.of();
                    })
                    .then(RemoteCommand.of("stat -c %Y /var/lib/apt/lists"), (r, h) -> cacheTime(r.stdout())));
        }
        if (work != null) {
            changes.add(HostCommand.change(work.what(), Diff.of("apt", "", work.prepared()), work.command()));
        }
        return Plan.changes(changes, Results.of("cache_updated", refreshes, "cache_update_time", apt.cacheTime()));
    }

    /** What one run must do beyond the cache: a description, the apt-get command, apt's simulated steps. */
    private record Work(String what, String command, String prepared) {}

    private static Work work(ModuleArgs args, String state, List<String> names, Debfile deb, AptState apt,
                             RemoteHost host, boolean refresh) {
        String autoremove = args.bool("autoremove", false) ? " --auto-remove" : "";
        String purge = args.bool("purge", false) ? " --purge" : "";
        if (deb != null) {
            Installed now = apt.get(deb.name());
            if (now != null && now.installed() && now.version().equals(deb.version())) {
                return null;
            }
            return simulated(host, "install " + deb.name() + " " + deb.version(),
                    recommends(args) + " install -- " + ShellQuote.quote(deb.path()), true);
        }
        if (names.isEmpty()) {
            return args.bool("autoremove", false)
                    ? simulated(host, "autoremove packages", purge + " autoremove", false) : null;
        }
        return switch (state) {
            case "absent" -> {
                List<String> todo = names.stream().filter(n -> {
                    Installed i = apt.get(baseName(n));
                    return i != null && (i.installed() || (i.configFiles() && !purge.isEmpty()));
                }).toList();
                yield todo.isEmpty() ? null : new Work("remove " + String.join(" ", todo),
                        APT_GET + purge + autoremove + " remove -- " + ShellQuote.join(todo),
                        String.join("", todo.stream().map(n -> (purge.isEmpty() ? "Remv " : "Purg ") + n + "\n").toList()));
            }
            case "fixed" -> simulated(host, "fix broken packages " + String.join(" ", names),
                    recommends(args) + autoremove + " --fix-broken install -- " + ShellQuote.join(names), false);
            default -> {
                List<String> todo = names.stream().filter(n -> needsInstall(n, apt)).toList();
                List<String> latest = state.equals("latest")
                        ? names.stream().filter(n -> !n.contains("=") && !todo.contains(n)).toList() : List.of();
                List<String> candidates = new ArrayList<>(todo);
                candidates.addAll(latest);
                if (candidates.isEmpty()) {
                    yield null;
                }
                Simulation sim = AptState.simulate(host, recommends(args) + " install -- " + ShellQuote.join(candidates));
                if (!sim.ok() && refresh) {
                    // stale lists may not know the package yet: refreshed first, apt-get decides then
                    yield new Work("install " + String.join(" ", candidates), APT_GET + recommends(args) + autoremove
                            + " install -- " + ShellQuote.join(candidates), "(decided after the package lists are refreshed)\n");
                }
                if (!sim.ok()) {
                    throw new ModuleFailure(noMatch(sim.error()), Results.of("rc", 100, "stderr", sim.error()));
                }
                List<String> install = new ArrayList<>(todo);
                latest.stream().filter(n -> sim.changes(baseName(n))).forEach(install::add);
                yield install.isEmpty() ? null : new Work("install " + String.join(" ", install),
                        APT_GET + recommends(args) + autoremove + " install -- " + ShellQuote.join(install), sim.prepared());
            }
        };
    }

    private static boolean needsInstall(String spec, AptState apt) {
        Installed i = apt.get(baseName(spec));
        if (i == null || !i.installed()) {
            return true;
        }
        int eq = spec.indexOf('=');
        return eq > 0 && !AptState.versionMatches(i.version(), spec.substring(eq + 1));
    }

    /* An operation whose effect only apt knows: simulated first; no steps, no change. */
    private static Work simulated(RemoteHost host, String what, String arguments, boolean installsFile) {
        Simulation sim = AptState.simulate(host, arguments);
        if (!sim.ok()) {
            throw new ModuleFailure("apt-get cannot " + what + ": " + sim.error(), Results.of("stderr", sim.error()));
        }
        boolean acts = sim.steps().stream().anyMatch(s -> !s.action().equals("Conf")) || installsFile;
        return acts ? new Work(what, APT_GET + arguments, sim.prepared()) : null;
    }

    private static String recommends(ModuleArgs args) {
        if (!args.has("install_recommends")) {
            return "";
        }
        return args.bool("install_recommends", true) ? " -o APT::Install-Recommends=yes" : " -o APT::Install-Recommends=no";
    }

    private static String noMatch(String aptError) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Unable to locate package (\\S+)").matcher(aptError);
        return m.find() ? "No package matching '" + m.group(1) + "' is available" : "apt-get cannot install: " + aptError;
    }

    private static final String UPDATE = "DEBIAN_FRONTEND=noninteractive apt-get -q update";

    /* Only the cache time: the update's rc/stdout are not apt's result fields. */
    private static Map<String, Object> cacheTime(String stdout) {
        String time = stdout.strip();
        Map<String, Object> result = new LinkedHashMap<>();
        if (time.matches("\\d+")) {
            result.put("cache_update_time", Long.parseLong(time));
        }
        return result;
    }

    /* "nginx=1.2*" and "nginx:amd64" are queried as "nginx". */
    static String baseName(String spec) {
        return spec.split("[=:]", 2)[0];
    }
}
