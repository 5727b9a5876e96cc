package io.lvsplay.modules.packages;

import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What dpkg and apt say about some packages, read in one command: whether apt-get is there, each
 * package's dpkg status and version, and the age of the package lists (what cache_valid_time
 * compares with). {@link #simulate} asks apt-get -s what an operation would do, without doing it.
 */
record AptState(boolean hasApt, Map<String, Installed> packages, long cacheTime, long now) {

    /** One dpkg row: status abbreviation ("ii", "rc", ...), version, architecture. */
    record Installed(String status, String version, String arch) {
        boolean installed() {
            return status.length() >= 2 && status.charAt(1) == 'i';
        }

        /** Removed but its configuration files remain: only purge removes it further. */
        boolean configFiles() {
            return status.length() >= 2 && status.charAt(1) == 'c';
        }
    }

    /** One line of apt-get -s output: Inst, Remv, Purg or Conf, the package and its new version. */
    record Step(String action, String name, String version) {}

    private static final Pattern STEP = Pattern.compile("^(Inst|Remv|Purg|Conf) (\\S+)(?: \\[[^]]*\\])?(?: \\((\\S+))?");

    static AptState read(RemoteHost host, List<String> names) {
        String query = names.isEmpty() ? ""
                : "dpkg-query -W -f='pkg ${db:Status-Abbrev}|${Package}|${Version}|${Architecture}\\n' -- "
                + ShellQuote.join(names) + " 2>/dev/null\n";
        ExecResult r = host.run("export LC_ALL=C\n"
                + "command -v apt-get >/dev/null 2>&1 && echo has-apt\n"
                + query
                // Ansible's cache time: the update-success stamp when there is one, else the lists folder
                + "s=/var/lib/apt/periodic/update-success-stamp; [ -e $s ] || s=/var/lib/apt/lists\n"
                + "echo cache $(stat -c %Y $s 2>/dev/null)\n"
                + "echo now $(date +%s)\n");
        boolean hasApt = false;
        Map<String, Installed> packages = new LinkedHashMap<>();
        long cache = 0;
        long now = 0;
        for (String line : r.stdout().split("\n")) {
            if (line.equals("has-apt")) {
                hasApt = true;
            } else if (line.startsWith("pkg ")) {
                String[] f = line.substring(4).split("\\|", -1);
                if (f.length == 4) {
                    packages.put(f[1], new Installed(f[0].strip(), f[2], f[3]));
                }
            } else if (line.startsWith("cache ") && line.length() > 6) {
                cache = Long.parseLong(line.substring(6).strip());
            } else if (line.startsWith("now ")) {
                now = Long.parseLong(line.substring(4).strip());
            }
        }
        return new AptState(hasApt, packages, cache, now);
    }

    /** The package as dpkg knows it, or null. */
    Installed get(String name) {
        return packages.get(name);
    }

    boolean cacheOlderThan(long seconds) {
        return cacheTime == 0 || cacheTime + seconds < now;
    }

    /** The steps apt-get would take for {@code arguments} ("install -- nginx"), or the failure it printed. */
    static Simulation simulate(RemoteHost host, String arguments) {
        ExecResult r = host.run("LC_ALL=C apt-get -s -q " + arguments);
        List<Step> steps = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            Matcher m = STEP.matcher(line);
            if (m.find()) {
                steps.add(new Step(m.group(1), m.group(2), m.group(3)));
            }
        }
        return new Simulation(r.ok(), steps, r.stdout(), r.stderr().strip());
    }

    record Simulation(boolean ok, List<Step> steps, String output, String error) {
        /** The simulated actions as the diff Ansible's apt shows under "prepared". */
        String prepared() {
            StringBuilder b = new StringBuilder();
            steps.stream().filter(s -> !s.action().equals("Conf"))
                    .forEach(s -> b.append(s.action()).append(' ').append(s.name())
                            .append(s.version() == null ? "" : " " + s.version()).append('\n'));
            return b.toString();
        }

        boolean changes(String name) {
            return steps.stream().anyMatch(s -> s.name().equals(name) || s.name().startsWith(name + ":"));
        }
    }

    /** dpkg-style version globs: "1.2*" matches "1.2.3-1", as Ansible's fnmatch does. */
    static boolean versionMatches(String installed, String wanted) {
        StringBuilder regex = new StringBuilder();
        for (char c : wanted.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return installed.matches(regex.toString());
    }
}
