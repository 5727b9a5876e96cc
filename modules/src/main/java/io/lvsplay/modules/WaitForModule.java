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
            .choice("state", "started", "started", "stopped", "present", "absent", "drained")
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
        if (path != null && (state.equals("stopped") || state.equals("drained"))) {
            throw new ModuleFailure("state=" + state + " should only be used for checking a port in the wait_for module",
                    Results.of("elapsed", 0));
        }
        if (state.equals("drained")) {
            if (port == null) {
                throw new ModuleFailure("state=drained needs a port", Results.of("elapsed", 0));
            }
            probe = noActiveConnections(host, port);
            what = host + ":" + port;
            waitForPresence = true;
        } else if (path != null) {
            probe = filePresent(path, regex);
            what = "file " + path;
        } else if (port != null) {
            probe = portOpen(host, port, args.integer("connect_timeout", 5), regex);
            what = host + ":" + port;
        } else {
            probe = null;
            what = null;
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
            throw new ModuleFailure(args.str("msg", timeoutMessage(state, host, port, path, regex)), Results.of("elapsed", elapsed));
        }
        if (!r.ok()) {
            throw new ModuleFailure("wait_for could not run on " + ctx.hostName() + ": " + r.stderr().strip(), result);
        }
        if (path != null && regex != null && r.ok()) {
            result.putAll(WaitForMatch.groups(ctx.host(), path, regex));
        } else {
            result.putAll(Results.of("match_groups", java.util.List.of(), "match_groupdict", Map.of()));
        }
        return Plan.unchanged(result);
    }

    /* Ansible's messages, word for word. */
    private static String timeoutMessage(String state, String host, Integer port, String path, String regex) {
        return switch (state) {
            case "stopped" -> "Timeout when waiting for " + host + ":" + port + " to stop.";
            case "absent" -> path != null ? "Timeout when waiting for " + path + " to be absent."
                    : "Timeout when waiting for " + host + ":" + port + " to stop.";
            case "drained" -> "Timeout when waiting for " + host + ":" + port + " to drain";
            default -> path != null
                    ? (regex != null ? "Timeout when waiting for search string " + regex + " in " + path
                    : "Timeout when waiting for file " + path)
                    : (regex != null ? "Timeout when waiting for search string " + regex + " in " + host + ":" + port
                    : "Timeout when waiting for " + host + ":" + port);
        };
    }

    /*
     * drained: no TCP connection in an active state (Ansible's default active_connection_states) on the
     * local port, read from /proc/net/tcp and tcp6 like Ansible's LinuxTCPConnectionInfo; an IPv4 host
     * also matches its IPv4-mapped IPv6 form, and 0.0.0.0 (or a name) matches every address.
     */
    private static String noActiveConnections(String host, int port) {
        String ip = ipv4Hex(host);
        String awk = "{ split($2, l, \":\"); if (l[2] == P && ($4 == \"01\" || $4 == \"02\" || $4 == \"03\" || $4 == \"04\""
                + " || $4 == \"05\" || $4 == \"06\") && (IP == \"\" || l[1] == IP || l[1] == \"0000000000000000FFFF0000\" IP)) n++ }"
                + " END { exit n > 0 }";
        return "cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v P=" + String.format("%04X", port)
                + " -v IP=" + ShellQuote.quote(ip) + " " + ShellQuote.quote(awk);
    }

    /* 127.0.0.1 as /proc/net/tcp writes it (little-endian hex); "" for any address. */
    private static String ipv4Hex(String host) {
        if (!host.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") || host.equals("0.0.0.0")) {
            return "";
        }
        String[] p = host.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 3; i >= 0; i--) {
            out.append(String.format("%02X", Integer.parseInt(p[i])));
        }
        return out.toString();
    }

    private static String filePresent(String path, String regex) {
        String q = ShellQuote.quote(path);
        if (regex == null) {
            return "[ -e " + q + " ]";
        }
        // Python's syntax ((?P<name>...), \\d) is PCRE's: grep -P where the host's grep has it, else -E
        String re = ShellQuote.quote(regex);
        return "{ grep -aPq -- " + re + " " + q + " 2>/dev/null; r=$?; [ $r -eq 2 ] && grep -aEq -- " + re + " " + q
                + " 2>/dev/null && r=0; [ $r -eq 0 ]; }";
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
