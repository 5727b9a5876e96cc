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
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ansible's dnf and yum: package specs present/installed, latest, absent/removed, and the metadata
 * refreshed first with update_cache. Planned from rpm -q (what is installed, by name, name-version
 * glob or capability) and check-update (what latest would upgrade). dnf insists on dnf; yum uses
 * yum, or dnf where only dnf is there (RHEL 8 and later, as Ansible's yum does). On a host with
 * neither (Debian) it fails clearly.
 */
public final class DnfModule implements Module {
    private final String name;

    private DnfModule(String name) {
        this.name = name;
    }

    public static DnfModule dnf() {
        return new DnfModule("dnf");
    }

    public static DnfModule yum() {
        return new DnfModule("yum");
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
        return ArgSpec.of()
                .arg("name", Type.LIST).elements(Type.STR).aliases("pkg")
                .choice("state", "present", "present", "installed", "latest", "absent", "removed")
                .arg("update_cache", Type.BOOL, false).aliases("expire-cache")
                .arg("disable_gpg_check", Type.BOOL, false)
                .requiredOneOf("name", "update_cache")
                .notSupported("allow_downgrade", "autoremove", "bugfix", "conf_file", "disable_excludes",
                        "disable_plugin", "disablerepo", "download_dir", "download_only",
                        "enable_plugin", "enablerepo", "exclude", "installroot", "list", "lock_timeout",
                        "releasever", "security", "skip_broken", "update_only", "validate_certs",
                        "install_weak_deps", "nobest", "allowerasing", "cacheonly", "use_backend",
                        "install_repoquery", "sslverify");
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        List<String> specs = args.list("name").stream().map(String::valueOf).map(String::strip).toList();
        if (specs.stream().anyMatch(s -> s.equals("*") || s.startsWith("@") || s.contains("://") || s.endsWith(".rpm"))) {
            throw new ModuleFailure("lvsplay does not support '*', @groups, URLs or .rpm files in name of module "
                    + name + " yet");
        }
        String state = switch (args.str("state")) {
            case "installed" -> "present";
            case "removed" -> "absent";
            default -> args.str("state");
        };
        RpmState probe = RpmState.read(ctx.host(), name, specs, state.equals("latest"));
        String manager = probe.managers().contains(name) ? name
                : name.equals("yum") && probe.managers().contains("dnf") ? "dnf" : null;
        if (manager == null) {
            throw new ModuleFailure(name + " is not available on " + ctx.hostName() + " (no " + name
                    + " command): the " + name + " module is for the RHEL family; use apt or package there");
        }
        List<String> install = new ArrayList<>();
        List<String> upgrade = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (String spec : specs) {
            boolean there = probe.isInstalled(spec);
            switch (state) {
                case "absent" -> {
                    if (there) {
                        remove.add(spec);
                    }
                }
                case "latest" -> {
                    if (!there) {
                        install.add(spec);
                    } else if (probe.upgradable().contains(probe.nameOf(spec))) {
                        upgrade.add(spec);
                    }
                }
                default -> {
                    if (!there) {
                        install.add(spec);
                    }
                }
            }
        }
        List<String> results = new ArrayList<>();
        install.forEach(s -> results.add("Installed: " + s));
        upgrade.forEach(s -> results.add("Upgraded: " + probe.nameOf(s)));
        remove.forEach(s -> results.add("Removed: " + probe.nameOf(s)));
        boolean refresh = args.bool("update_cache", false);
        List<String> commands = new ArrayList<>();
        if (refresh && (specs.isEmpty() || !install.isEmpty() || !upgrade.isEmpty())) {
            commands.add(manager + " -q -y makecache");
        }
        String yes = manager + " -y -q ";
        // Signatures matter only for what is downloaded: install and upgrade, never remove.
        String gpg = args.bool("disable_gpg_check", false) ? "--nogpgcheck " : "";
        if (!install.isEmpty()) {
            commands.add(yes + gpg + "install -- " + ShellQuote.join(install));
        }
        if (!upgrade.isEmpty()) {
            commands.add(yes + gpg + "upgrade -- " + ShellQuote.join(upgrade));
        }
        if (!remove.isEmpty()) {
            commands.add(yes + "remove -- " + ShellQuote.join(remove));
        }
        if (commands.isEmpty()) {
            return Plan.unchanged(Results.of("msg", "Nothing to do", "results", List.of(), "rc", 0));
        }
        String what = results.isEmpty() ? "refresh the " + manager + " metadata" : String.join(", ", results);
        Change change = Change.named(what,
                        Diff.of(manager, "", String.join("\n", results) + (results.isEmpty() ? "" : "\n")))
                .then(RemoteCommand.of(String.join(" && ", commands)), (r, h) -> {
                    Map<String, Object> out = Results.of("rc", r.exitCode(), "results", results,
                            "msg", r.ok() ? "" : r.stderr().strip());
                    if (!r.ok()) {
                        throw new ModuleFailure(manager + " failed on " + h + ": " + r.stderr().strip(), out);
                    }
                    return out;
                });
        return Plan.changes(List.of(change), Results.of("results", results));
    }
}
