package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one command tells about a SysV service, as Ansible's sysvinit reads it: whether the script
 * exists, where chkconfig, update-rc.d and service are, the runlevels with a start link S??NAME
 * (/etc/rcN.d, or /etc/init.d/rcN.d where /etc/rc0.d is missing), and the status action's exit code
 * and output (through service(8) when the host has it).
 */
record SysvProbe(boolean exists, Map<String, String> binaries, Set<String> enabledRunlevels,
                 int statusRc, String statusOutput) {
    private static final String OUTPUT_MARK = "--status-output--";

    boolean hasBinary(String name) {
        return binaries.containsKey(name);
    }

    String binary(String name) {
        return binaries.get(name);
    }

    /** Ansible's sysv_is_enabled without a runlevel: a start link in any rc?.d. */
    boolean enabledAnywhere() {
        return enabledRunlevels.stream().anyMatch(rl -> rl.length() == 1);
    }

    boolean enabledIn(String runlevel) {
        return enabledRunlevels.contains(runlevel);
    }

    /** With a pattern Ansible asks ps instead of the status action, so the status is not run. */
    static SysvProbe read(RemoteHost host, String name, String script, boolean runStatus) {
        String q = ShellQuote.quote(name);
        String s = ShellQuote.quote(script);
        String status = "if [ -n \"$service\" ]; then \"$service\" " + q + " status; else " + s + " status; fi";
        String command = String.join("\n",
                "export LC_ALL=C",
                "[ -e " + s + " ] || { echo missing; exit 0; }",
                "echo found",
                "for b in chkconfig update-rc.d service; do",
                "  p=$(PATH=$PATH:/sbin:/usr/sbin:/bin:/usr/bin command -v $b) && echo \"bin $b $p\"",
                "done",
                "service=$(PATH=$PATH:/sbin:/usr/sbin:/bin:/usr/bin command -v service)",
                "if [ -d /etc/rc0.d/ ]; then base=/etc/rc; else base=/etc/init.d/rc; fi",
                "for f in \"$base\"*.d/S??" + q + "; do",
                "  [ -e \"$f\" ] && echo \"link ${f#\"$base\"}\"",
                "done",
                runStatus ? "out=$( (" + status + ") 2>/dev/null; echo \"rc=$?\")" : "out='rc=0'",
                "echo " + OUTPUT_MARK,
                "printf '%s' \"$out\"");
        ExecResult r = host.run(command);
        if (!r.ok()) {
            throw new ModuleFailure("cannot read service " + name + " on " + host.hostName() + ": " + r.stderr().strip());
        }
        return parse(r.stdout());
    }

    static SysvProbe parse(String stdout) {
        int mark = stdout.indexOf(OUTPUT_MARK + "\n");
        String head = mark < 0 ? stdout : stdout.substring(0, mark);
        if (!head.startsWith("found")) {
            return new SysvProbe(false, Map.of(), Set.of(), -1, "");
        }
        Map<String, String> binaries = new HashMap<>();
        Set<String> runlevels = new HashSet<>();
        for (String line : head.split("\n")) {
            String[] words = line.split(" ", 3);
            if (words[0].equals("bin") && words.length == 3) {
                binaries.put(words[1], words[2]);
            } else if (words[0].equals("link") && words.length == 2) {
                // "N.d/S01name" after the rc prefix
                runlevels.add(words[1].substring(0, words[1].indexOf(".d/")));
            }
        }
        // the status output, then "rc=N" on a line of its own (the $(...) keeps the output's newlines)
        String tail = mark < 0 ? "rc=-1" : stdout.substring(mark + OUTPUT_MARK.length() + 1);
        int rcAt = tail.lastIndexOf("rc=");
        int rc = Integer.parseInt(tail.substring(rcAt + 3).strip());
        return new SysvProbe(true, binaries, runlevels, rc, tail.substring(0, rcAt));
    }
}
