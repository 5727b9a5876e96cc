package io.lvsplay.modules.system;

import io.lvsplay.engine.remote.RemoteHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a SysV service runs, decided as Ansible's sysvinit decides it: a pattern is looked for in
 * {@code ps auxww}; else a one-line status output is read for stopped/running words, then the exit
 * code (1-4 and 69 mean stopped, 0 running), then, as a last resort, the name in ps.
 */
record SysvStatus(boolean started, List<String> warnings) {
    private static final List<String> STOPPED = List.of("stop", "is dead ", "dead but ", "could not access pid file", "inactive");
    private static final List<String> RUNNING = List.of("run", "start", "active");
    private static final List<Integer> STOPPED_RCS = List.of(1, 2, 3, 4, 69);

    static SysvStatus of(RemoteHost host, String name, String pattern, SysvProbe probe) {
        List<String> warnings = new ArrayList<>();
        boolean worked = false;
        boolean started = false;
        if (pattern != null) {
            worked = started = inPs(host, pattern);
        } else {
            int rc = probe.statusRc();
            String out = probe.statusOutput();
            if (name.equals("iptables") && out.contains("ACCEPT")) {
                worked = started = true;
            }
            if (!worked && out.chars().filter(c -> c == '\n').count() <= 1) {
                String clean = out.toLowerCase(Locale.ROOT).replace(name.toLowerCase(Locale.ROOT), "");
                worked = STOPPED.stream().anyMatch(clean::contains);
                if (!worked && RUNNING.stream().anyMatch(clean::contains) && !clean.contains("not ")) {
                    worked = started = true;
                }
            }
            if (!worked && STOPPED_RCS.contains(rc)) {
                worked = true;
            }
            if (!worked && rc == 0) {
                worked = started = true;
            } else if (!worked && inPs(host, name)) {
                worked = started = true;
                warnings.add("Used ps output to match service name and determine it is up, this is very unreliable");
            }
        }
        if (!worked) {
            warnings.add("Unable to determine if service is up, assuming it is down");
        }
        return new SysvStatus(started, List.copyOf(warnings));
    }

    /* A command of its own, so that the text looked for is not in the command line ps lists. */
    private static boolean inPs(RemoteHost host, String text) {
        var r = host.run("ps auxww");
        return r.ok() && r.stdout().lines().anyMatch(line -> line.contains(text));
    }
}
