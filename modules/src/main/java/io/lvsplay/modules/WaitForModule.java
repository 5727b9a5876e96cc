package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
import java.util.Map;

/**
 * Waits on the host for a port to open or close, or a file to appear, disappear or contain a
 * pattern. The whole wait is one shell loop on the host (bash /dev/tcp, else nc), not a round
 * trip per attempt. Never changes anything.
 */
public final class WaitForModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .arg("host", Type.STR, "127.0.0.1")
            .arg("port", Type.INT)
            .arg("path", Type.PATH)
            .choice("state", "started", "started", "stopped", "present", "absent")
            .arg("timeout", Type.INT, 300)
            .arg("delay", Type.INT, 0)
            .arg("sleep", Type.INT, 1)
            .arg("connect_timeout", Type.INT, 5)
            .arg("search_regex", Type.STR)
            .arg("msg", Type.STR)
            .mutuallyExclusive("port", "path")
            .notSupported("active_connection_states", "exclude_hosts");

    @Override
    public String name() {
        return "wait_for";
    }


    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String state = args.str("state");
        Integer port = args.integer("port");
        String path = args.str("path");
        String host = args.str("host");
        String regex = args.str("search_regex");
        boolean waitForPresence = state.equals("started") || state.equals("present");
        String probe;
        String what;
        if (path != null) {
            probe = filePresent(path, regex);
            what = "file " + path;
        } else if (port != null) {
            probe = portOpen(host, port, args.integer("connect_timeout", 5), regex);
            what = host + ":" + port;
        } else if (waitForPresence) {
            probe = null;
            what = null;
        } else {
            throw new ModuleFailure("wait_for state=" + state + " needs a port or a path");
        }
        int timeout = args.integer("timeout", 300);
        int delay = args.integer("delay", 0);
        if (probe == null) {
            // no port and no path: Ansible simply sleeps for the timeout
            ctx.host().run("sleep " + (delay + timeout));
            return Plan.unchanged(Results.of("elapsed", delay + timeout, "state", state));
        }
        String condition = waitForPresence ? probe : "! { " + probe + "; }";
        String script = String.join("\n",
                "probe() { " + condition + "; }",
                "start=$(date +%s)",
                "sleep " + delay,
                "end=$(( start + " + delay + " + " + timeout + " ))",
                "while :; do",
                "  if probe; then echo $(( $(date +%s) - start )); exit 0; fi",
                "  [ $(date +%s) -ge $end ] && { echo $(( $(date +%s) - start )); exit 124; }",
                "  sleep " + args.integer("sleep", 1),
                "done");
        ExecResult r = ctx.host().run(script);
        int elapsed = r.stdout().strip().matches("\\d+") ? Integer.parseInt(r.stdout().strip()) : 0;
        Map<String, Object> result = Results.of("elapsed", elapsed, "state", state, "port", port, "path", path,
                "search_regex", regex);
        if (r.exitCode() == 124) {
            String msg = args.str("msg", "Timeout when waiting for " + what
                    + (waitForPresence ? (regex == null ? "" : " to contain " + regex) : " to " + (path != null ? "be absent" : "stop")));
            throw new ModuleFailure(msg, result);
        }
        if (!r.ok()) {
            throw new ModuleFailure("wait_for could not run on " + ctx.hostName() + ": " + r.stderr().strip(), result);
        }
        return Plan.unchanged(result);
    }

    private static String filePresent(String path, String regex) {
        String q = ShellQuote.quote(path);
        return regex == null ? "[ -e " + q + " ]" : "grep -Eq -- " + ShellQuote.quote(regex) + " " + q + " 2>/dev/null";
    }

    /*
     * bash opens TCP connections itself through /dev/tcp; without bash, nc -z. With a
     * search_regex the banner the server sends is read and matched.
     */
    private static String portOpen(String host, int port, int connectTimeout, String regex) {
        String h = ShellQuote.quote(host);
        String bashConnect = "timeout " + connectTimeout + " bash -c " + ShellQuote.quote(
                "exec 3<>/dev/tcp/$0/$1" + (regex == null ? "" : " && cat <&3")) + " " + h + " " + port;
        if (regex != null) {
            return bashConnect + " 2>/dev/null | grep -Eq -- " + ShellQuote.quote(regex);
        }
        return "if command -v bash >/dev/null 2>&1; then " + bashConnect + " 2>/dev/null; "
                + "else nc -z -w " + connectTimeout + " " + h + " " + port + " 2>/dev/null; fi";
    }
}
