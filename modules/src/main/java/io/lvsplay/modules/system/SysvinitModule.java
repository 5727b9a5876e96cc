package io.lvsplay.modules.system;

import io.lvsplay.engine.inventory.ShellWords;
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
import io.lvsplay.engine.module.ResultReader;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ansible's sysvinit module: the init script /etc/init.d/NAME (or NAME when it is a path) starts and
 * stops the service, update-rc.d or chkconfig sets its boot links. Whether it runs is decided from
 * the status action's output and exit code with Ansible's own heuristics ({@link SysvStatus}).
 */
public final class SysvinitModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("name", Type.STR).aliases("service")
            .choice("state", null, "started", "stopped", "restarted", "reloaded")
            .arg("enabled", Type.BOOL)
            .arg("sleep", Type.INT, 1)
            .arg("pattern", Type.STR)
            .arg("arguments", Type.STR).aliases("args")
            .arg("runlevels", Type.LIST).elements(Type.STR)
            .arg("daemonize", Type.BOOL, false)
            .requiredOneOf("state", "enabled");

    @Override
    public String name() {
        return "sysvinit";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String name = args.str("name");
        String script = name.startsWith("/") ? name : "/etc/init.d/" + name;
        List<String> runlevels = args.has("runlevels")
                ? args.list("runlevels").stream().map(String::valueOf).toList() : List.of();
        SysvProbe probe = SysvProbe.read(ctx.host(), name, script, args.str("pattern") == null);
        if (!probe.exists()) {
            throw new ModuleFailure("Could not find the requested service " + name + ": ");
        }
        SysvStatus status = SysvStatus.of(ctx.host(), name, args.str("pattern"), probe);

        // Ansible's result: status.enabled always, status.STATE ("null" without a state, as its JSON
        // shows the None key). The readers fill in rc/stdout/stderr when the change runs, so they share
        // this map; in --check it keeps the planned values.
        Map<String, Object> statusResult = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();

        Map<String, Object> enabledResult = stepResult(false);
        statusResult.put("enabled", enabledResult);
        if (!runlevels.isEmpty()) {
            enabledResult.put("runlevels", runlevels);
        }
        if (args.has("enabled")) {
            boolean enabled = args.bool("enabled", false);
            boolean differs = runlevels.isEmpty() ? enabled != probe.enabledAnywhere()
                    : runlevels.stream().anyMatch(rl -> enabled != probe.enabledIn(rl));
            if (differs) {
                enabledResult.put("changed", true);
                changes.add(enableChange(name, enabled, runlevels, probe, enabledResult, statusResult));
            }
        }

        String state = args.str("state");
        Map<String, Object> stateResult = stepResult(false);
        statusResult.put(state == null ? "null" : state, stateResult);
        if (state != null) {
            String action = state.replaceAll("p?ed$", "");
            boolean runs = action.equals("restart") || action.equals("reload")
                    || status.started() != action.equals("start");
            if (runs) {
                stateResult.put("changed", true);
                changes.add(stateChange(name, script, action, status.started(), args, stateResult, statusResult));
            }
        }
        Map<String, Object> result = Results.of("name", name, "status", statusResult);
        if (!status.warnings().isEmpty()) {
            result.put("warnings", status.warnings());
        }
        return Plan.changes(changes, result);
    }

    private static Map<String, Object> stepResult(boolean changed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("changed", changed);
        m.put("rc", null);
        m.put("stdout", null);
        m.put("stderr", null);
        return m;
    }

    private static Change enableChange(String name, boolean enabled, List<String> runlevels, SysvProbe probe,
                                       Map<String, Object> enabledResult, Map<String, Object> statusResult) {
        String q = ShellQuote.quote(name);
        String onOff = enabled ? "enable" : "disable";
        String command;
        if (probe.hasBinary("update-rc.d")) {
            String tool = ShellQuote.quote(probe.binary("update-rc.d"));
            String levels = runlevels.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
            // Ansible runs only "defaults" to enable, which leaves links that "disable" turned into
            // K links as they are (the service stays disabled, every run is "changed"): defaults
            // creates missing links, enable turns them into start links.
            command = runlevels.isEmpty()
                    ? (enabled ? tool + " " + q + " defaults && " + tool + " " + q + " enable" : tool + " " + q + " disable")
                    : tool + " " + q + " " + onOff + " " + levels;
        } else if (probe.hasBinary("chkconfig")) {
            String tool = ShellQuote.quote(probe.binary("chkconfig"));
            command = (runlevels.isEmpty() ? tool : tool + " --level " + ShellQuote.quote(String.join("", runlevels)))
                    + " " + q + (enabled ? " on" : " off");
        } else {
            throw new ModuleFailure("cannot " + onOff + " service " + name + ": neither update-rc.d nor chkconfig found");
        }
        String where = runlevels.isEmpty() ? "" : " in runlevels " + String.join(" ", runlevels);
        Diff diff = Diff.of("service " + name, "enabled" + where + ": " + !enabled + "\n",
                "enabled" + where + ": " + enabled + "\n");
        ResultReader reader = (r, host) -> {
            fill(enabledResult, r);
            if (r.stderr().contains("illegal runlevel specified")) {
                throw new ModuleFailure("Illegal runlevel specified for enable operation on service " + name,
                        Results.of("name", name, "status", statusResult));
            }
            if (!r.ok()) {
                throw new ModuleFailure("Unable to " + onOff + " service " + name + " on " + host + ": "
                        + (r.stdout() + r.stderr()).strip(), Results.of("name", name, "status", statusResult));
            }
            return Map.of("status", statusResult);
        };
        return Change.named(onOff + " " + name, diff).then(RemoteCommand.of(command), reader);
    }

    /* start, stop, reload: one script run; restart: stop then start (Ansible does not trust the script's
     * restart), sleeping `sleep` seconds after each. */
    private static Change stateChange(String name, String script, String action, boolean started, ModuleArgs args,
                                      Map<String, Object> stateResult, Map<String, Object> statusResult) {
        String extra = args.str("arguments");
        List<String> extraWords = extra == null ? List.of() : ShellWords.split(extra, false);
        boolean daemonize = args.bool("daemonize", false);
        int sleep = args.integer("sleep", 1);
        Diff diff = Diff.of("service " + name, "running: " + started + "\n",
                "running: " + !action.equals("stop") + "\n");
        Change change = Change.named(action + " " + name, diff);
        List<String> doThese = action.equals("restart") ? List.of("stop", "start") : List.of(action);
        for (String doThis : doThese) {
            List<String> words = new ArrayList<>(List.of(script, doThis));
            words.addAll(extraWords);
            String command = words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
            if (daemonize) {
                // Ansible's daemonize: a new session, cwd /, umask 022, no terminal
                command = "cd / && umask 022 && setsid " + command + " </dev/null";
            }
            if (action.equals("restart") && sleep > 0) {
                command = command + "; rc=$?; sleep " + sleep + "; exit $rc";
            }
            change = change.then(RemoteCommand.of(command), (r, host) -> {
                if (!r.ok()) {
                    throw new ModuleFailure("Failed to " + action + " service: " + name,
                            Results.of("rc", r.exitCode(), "stdout", r.stdout(), "stderr", r.stderr()));
                }
                fill(stateResult, r);
                return Map.of("status", statusResult);
            });
        }
        return change;
    }

    private static void fill(Map<String, Object> stepResult, ExecResult r) {
        stepResult.put("rc", r.exitCode());
        stepResult.put("stdout", r.stdout());
        stepResult.put("stderr", r.stderr());
    }
}
