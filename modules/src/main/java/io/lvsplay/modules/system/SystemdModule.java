package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.support.HostCommand;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's systemd (systemd_service): daemon_reload, masked, enabled and state of one unit, in
 * that order, read from {@code systemctl show}. daemon_reload is a change only when systemd says a
 * unit file changed on disk (NeedDaemonReload), so re-runs stay changed=0. On a host where systemd
 * is not the init system the task fails and says so (the service module handles SysV scripts).
 */
public final class SystemdModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .arg("name", Type.STR).aliases("service", "unit")
            .choice("state", null, "reloaded", "restarted", "started", "stopped")
            .arg("enabled", Type.BOOL)
            .arg("force", Type.BOOL)
            .arg("masked", Type.BOOL)
            .arg("daemon_reload", Type.BOOL, false).aliases("daemon-reload")
            .choice("scope", "system", "system", "user", "global")
            .arg("no_block", Type.BOOL, false)
            .requiredOneOf("state", "enabled", "masked", "daemon_reload")
            .requiredBy("state", "name").requiredBy("enabled", "name").requiredBy("masked", "name")
            .notSupportedBecause("daemon_reexec", "it is never idempotent; run `systemctl daemon-reexec` with command")
            .notSupportedBecause("daemon-reexec", "it is never idempotent; run `systemctl daemon-reexec` with command");

    @Override
    public String name() {
        return "systemd";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.systemd", "systemd_service", "ansible.builtin.systemd_service");
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        RemoteHost host = ctx.host();
        String name = args.str("name");
        if (!SystemdUnit.systemdRuns(host)) {
            throw new ModuleFailure("systemd is not the init system on " + ctx.hostName()
                    + " (no /run/systemd/system): cannot manage " + (name == null ? "units" : name)
                    + " with systemd; the service module drives SysV init scripts");
        }
        String scope = switch (args.str("scope", "system")) {
            case "user" -> " --user";
            case "global" -> " --global";
            default -> "";
        };
        if (scope.equals(" --global") && args.has("state")) {
            throw new ModuleFailure("state cannot be used with scope: global (there is no global manager to start units)");
        }
        String noBlock = args.bool("no_block", false) ? " --no-block" : "";
        String force = args.bool("force", false) ? " --force" : "";
        List<Change> changes = new ArrayList<>();
        if (name == null) {
            if (args.bool("daemon_reload", false) && anyNeedsReload(host, scope)) {
                changes.add(HostCommand.change("reload the systemd manager", null, "systemctl" + scope + " daemon-reload"));
            }
            return Plan.changes(changes, Results.of());
        }
        String systemctl = "systemctl" + scope;
        String unit = " -- " + ShellQuote.quote(name);
        SystemdUnit now = SystemdUnit.show(host, scope, name);
        if (args.bool("daemon_reload", false) && (now.needsDaemonReload() || anyNeedsReload(host, scope))) {
            changes.add(HostCommand.change("reload the systemd manager", null, systemctl + " daemon-reload"));
        }
        boolean masked = now.masked();
        if (args.has("masked") && args.bool("masked", false) != masked) {
            boolean mask = args.bool("masked", false);
            changes.add(HostCommand.change((mask ? "mask " : "unmask ") + name,
                    flag(name, "masked", masked, mask), systemctl + force + (mask ? " mask" : " unmask") + unit));
            masked = mask;
        }
        if (!now.found() && !masked && (args.has("state") || args.has("enabled"))) {
            throw new ModuleFailure("Could not find the requested service " + name + ": host");
        }
        boolean enabled = now.enabled();
        if (args.has("enabled") && !args.bool("enabled", false) && now.enabledByNature()) {
            throw new ModuleFailure("unit " + name + " is " + now.get("UnitFileState") + ": it cannot be disabled (mask it)");
        }
        if (args.has("enabled") && args.bool("enabled", false) != enabled) {
            boolean enable = args.bool("enabled", false);
            changes.add(HostCommand.change((enable ? "enable " : "disable ") + name,
                    flag(name, "enabled", enabled, enable), systemctl + force + (enable ? " enable" : " disable") + unit));
            enabled = enable;
        }
        String state = args.str("state");
        boolean running = now.running();
        if (state != null) {
            String verb = switch (state) {
                case "started" -> running ? null : "start";
                case "stopped" -> running ? "stop" : null;
                default -> running ? state.substring(0, state.length() - 2) : "start";
            };
            if (verb != null) {
                boolean after = !state.equals("stopped");
                changes.add(HostCommand.change(verb + " " + name, flag(name, "running", running, after),
                        systemctl + noBlock + " " + verb + unit));
                running = after;
            }
        }
        return Plan.changes(changes, Results.of("name", name, "enabled", enabled, "masked", masked,
                "state", state == null ? null : running ? "started" : "stopped", "status", now.properties()));
    }

    private static boolean anyNeedsReload(RemoteHost host, String scope) {
        return host.run("systemctl" + scope + " show -p NeedDaemonReload -- '*' 2>/dev/null").stdout()
                .contains("NeedDaemonReload=yes");
    }

    private static Diff flag(String name, String what, boolean before, boolean after) {
        return Diff.of("unit " + name, what + ": " + before + "\n", what + ": " + after + "\n");
    }
}
