package io.lvsplay.modules;

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
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
import io.lvsplay.modules.system.SystemdModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts, stops, restarts, reloads and enables services: through the systemd module when systemd
 * runs (it does when /run/systemd/system exists), as Ansible's service action does, else with the
 * SysV script /etc/init.d/NAME, which is what the lab containers have. Init system, running state
 * and boot state come from one command.
 */
public final class ServiceModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("name", Type.STR)
            .choice("state", null, "started", "stopped", "restarted", "reloaded")
            .arg("enabled", Type.BOOL)
            .requiredOneOf("state", "enabled")
            // systemd's own arguments: Ansible's service action passes them on when the host runs
            // systemd, and the plain service module refuses them elsewhere
            .arg("daemon_reload", Type.BOOL).aliases("daemon-reload")
            .arg("masked", Type.BOOL)
            .arg("force", Type.BOOL)
            .choice("scope", null, "system", "user", "global")
            .arg("no_block", Type.BOOL)
            .notSupported("sleep", "pattern", "arguments", "args", "runlevel", "use");
    private static final List<String> SYSTEMD_ONLY = List.of("daemon_reload", "masked", "force", "scope", "no_block");
    private static final SystemdModule SYSTEMD = new SystemdModule();

    @Override
    public String name() {
        return "service";
    }


    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    /** What the host said: which init, whether the service runs, whether it starts at boot. */
    record ServiceStatus(String init, boolean known, boolean running, boolean enabled) {}

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String name = args.str("name");
        ServiceStatus status = probe(ctx.host(), name);
        if (status.init().equals("systemd")) {
            return SYSTEMD.plan(args, ctx);
        }
        List<String> systemdOnly = SYSTEMD_ONLY.stream().filter(args::has).toList();
        if (!systemdOnly.isEmpty()) {
            // what Ansible's service module (the backend of hosts without systemd) answers
            throw new ModuleFailure("Unsupported parameters for (ansible.legacy.service) module: "
                    + String.join(", ", systemdOnly) + ". Supported parameters include: arguments, enabled, "
                    + "name, pattern, runlevel, sleep, state (args).");
        }
        if (status.init().equals("none")) {
            throw new ModuleFailure("cannot manage service " + name + ": no systemd and no /etc/init.d/" + name
                    + " on " + ctx.hostName());
        }
        if (!status.known()) {
            throw new ModuleFailure("Could not find the requested service " + name + ": host " + ctx.hostName());
        }
        InitCommands init = InitCommands.sysv(name);
        List<Change> changes = new ArrayList<>();
        String state = args.str("state");
        if (state != null) {
            stateChange(name, state, status, init).ifPresent(changes::add);
        }
        if (args.has("enabled")) {
            boolean enabled = args.bool("enabled", false);
            if (enabled != status.enabled()) {
                String cmd = enabled ? init.enable() : init.disable();
                changes.add(runOrFail((enabled ? "enable " : "disable ") + name,
                        Diff.of("service " + name, "enabled: " + status.enabled() + "\n", "enabled: " + enabled + "\n"),
                        cmd));
            }
        }
        boolean enabledAfter = args.has("enabled") ? args.bool("enabled", false) : status.enabled();
        String stateAfter = state == null ? (status.running() ? "started" : "stopped")
                : state.equals("stopped") ? "stopped" : "started";
        return Plan.changes(changes, Results.of("name", name, "state", stateAfter, "enabled", enabledAfter,
                "status", Map.of("init", status.init(), "running", status.running())));
    }

    private static java.util.Optional<Change> stateChange(String name, String state, ServiceStatus status,
                                                           InitCommands init) {
        String cmd = switch (state) {
            case "started" -> status.running() ? null : init.start();
            case "stopped" -> status.running() ? init.stop() : null;
            case "restarted" -> init.restart();
            // reloading a stopped service starts it, as Ansible does
            default -> status.running() ? init.reload() : init.start();
        };
        if (cmd == null) {
            return java.util.Optional.empty();
        }
        String verb = switch (state) {
            case "started" -> "start";
            case "stopped" -> "stop";
            case "restarted" -> "restart";
            default -> status.running() ? "reload" : "start";
        };
        return java.util.Optional.of(runOrFail(verb + " " + name,
                Diff.of("service " + name, "running: " + status.running() + "\n",
                        "running: " + !state.equals("stopped") + "\n"),
                cmd));
    }

    /*
     * Output lines: init kind; then "known running enabled" as 0/1 words. SysV "enabled" means
     * an S link in a multi-user runlevel, which is what update-rc.d and chkconfig create.
     */
    static ServiceStatus probe(RemoteHost host, String name) {
        String q = ShellQuote.quote(name);
        String script = String.join("\n",
                "export LC_ALL=C",
                "if [ -d /run/systemd/system ]; then",
                // the systemd module reads the unit itself
                "  echo systemd",
                "elif [ -x /etc/init.d/" + q + " ]; then",
                "  echo sysv",
                // scripts without a status action (Debian's keepalived) answer anything to it: like
                // Ansible, look in the process table for them instead
                "  if grep -q 'status' /etc/init.d/" + q + "; then",
                "    if /etc/init.d/" + q + " status >/dev/null 2>&1; then echo running=1; else echo running=0; fi",
                "  elif pgrep -x -- " + q + " >/dev/null 2>&1 || pidof " + q + " >/dev/null 2>&1; then echo running=1;",
                "  else echo running=0; fi",
                "  enabled=0",
                "  for f in /etc/rc[2345].d/S[0-9][0-9]" + q + " /etc/rc.d/rc[2345].d/S[0-9][0-9]" + q + "; do",
                "    [ -e \"$f\" ] && enabled=1",
                "  done",
                "  echo enabled=$enabled",
                "else",
                "  echo none",
                "fi");
        ExecResult r = host.run(script);
        String[] lines = r.stdout().split("\n");
        if (!r.ok() || lines.length == 0) {
            throw new ModuleFailure("cannot query service " + name + " on " + host.hostName() + ": " + r.stderr().strip());
        }
        String init = lines[0].strip();
        Map<String, String> props = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                props.put(lines[i].substring(0, eq), lines[i].substring(eq + 1).strip());
            }
        }
        return switch (init) {
            case "systemd" -> new ServiceStatus(init, true, false, false); // read by the systemd module
            case "sysv" -> new ServiceStatus(init, true, "1".equals(props.get("running")), "1".equals(props.get("enabled")));
            default -> new ServiceStatus("none", false, false, false);
        };
    }

    /* The change that runs cmd; {@code what} (its description) names it in "Unable to WHAT on HOST". */
    private static Change runOrFail(String what, Diff diff, String cmd) {
        return Change.named(what, diff).then(RemoteCommand.of(cmd), (r, host) -> {
            if (!r.ok()) {
                throw new ModuleFailure("Unable to " + what + " on " + host + ": "
                        + (r.stdout() + r.stderr()).strip(),
                        Results.of("rc", r.exitCode(), "stdout", r.stdout(), "stderr", r.stderr()));
            }
            return Map.of();
        });
    }

    /** The commands of one init system for one service. */
    record InitCommands(String start, String stop, String restart, String reload, String enable, String disable) {

        static InitCommands sysv(String name) {
            String q = ShellQuote.quote(name);
            String script = "/etc/init.d/" + q;
            String missingTool = "echo 'neither update-rc.d nor chkconfig found to change boot start of '"
                    + q + " >&2; exit 1";
            return new InitCommands(script + " start", script + " stop", script + " restart", script + " reload",
                    "if command -v update-rc.d >/dev/null; then update-rc.d " + q + " defaults && update-rc.d " + q
                            + " enable; elif command -v chkconfig >/dev/null; then chkconfig " + q + " on; else "
                            + missingTool + "; fi",
                    "if command -v update-rc.d >/dev/null; then update-rc.d " + q
                            + " disable; elif command -v chkconfig >/dev/null; then chkconfig " + q + " off; else "
                            + missingTool + "; fi");
        }
    }
}
