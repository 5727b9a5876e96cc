package io.lvsplay.modules.packages;

import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rpm and dnf/yum say about some package specs, read in one command: which of dnf and yum the
 * host has, the installed packages behind each spec ("nginx", "nginx-1.20*", or a capability such as
 * "webserver", which rpm -q --whatprovides answers), and for state=latest which of them
 * {@code check-update} would upgrade.
 */
record RpmState(Set<String> managers, Map<String, List<String>> installed, Set<String> upgradable) {

    static RpmState read(RemoteHost host, String manager, List<String> specs, boolean latest) {
        String words = ShellQuote.join(specs);
        String qf = "'pkg %{NAME}-%{EPOCHNUM}:%{VERSION}-%{RELEASE}.%{ARCH}\\n'";
        String script = "export LC_ALL=C\n"
                + "for m in dnf yum; do command -v $m >/dev/null 2>&1 && echo manager $m; done\n"
                + (specs.isEmpty() ? "" : "for s in " + words + "; do echo \"spec $s\"\n"
                // an exact name or name-version, else a glob (only -qa matches those), else a capability
                + "  rpm -q --qf " + qf + " -- \"$s\" 2>/dev/null | grep '^pkg ' || "
                + "rpm -qa --qf " + qf + " -- \"$s\" 2>/dev/null | grep '^pkg ' || "
                + "rpm -q --whatprovides --qf " + qf + " -- \"$s\" 2>/dev/null | grep '^pkg '\n"
                + "done\n")
                // parsed here, not by awk, so tests run on check-update's own output
                + (latest && !specs.isEmpty() ? "echo check-update\n" + manager + " -q check-update -- " + words
                        + " 2>/dev/null\n" : "")
                + "true";
        return parse(host.run(script));
    }

    static RpmState parse(ExecResult r) {
        Set<String> managers = new LinkedHashSet<>();
        Map<String, List<String>> installed = new LinkedHashMap<>();
        Set<String> upgradable = new LinkedHashSet<>();
        String spec = null;
        boolean updates = false;
        String pending = null;
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("manager ")) {
                managers.add(line.substring(8).strip());
            } else if (line.startsWith("spec ")) {
                spec = line.substring(5);
                installed.put(spec, new ArrayList<>());
            } else if (line.startsWith("pkg ") && spec != null) {
                installed.get(spec).add(line.substring(4).strip());
            } else if (line.equals("check-update")) {
                updates = true;
            } else if (updates) {
                pending = update(line, pending, upgradable);
            }
        }
        return new RpmState(managers, installed, upgradable);
    }

    /*
     * check-update prints "name.arch  version  repo", or a long name.arch alone with version and repo
     * on the next line; what follows "Obsoleting Packages" are replacements, not updates.
     */
    private static String update(String line, String pending, Set<String> upgradable) {
        String[] w = line.strip().split("\\s+");
        if (line.startsWith("Obsoleting")) {
            return "obsoleting";
        }
        if ("obsoleting".equals(pending)) {
            return pending;
        }
        if (w.length == 3) {
            upgradable.add(withoutArch(w[0]));
        } else if (w.length == 1 && !w[0].isEmpty()) {
            return w[0];
        } else if (w.length == 2 && pending != null) {
            upgradable.add(withoutArch(pending));
        }
        return null;
    }

    private static String withoutArch(String nameArch) {
        int dot = nameArch.lastIndexOf('.');
        return dot > 0 ? nameArch.substring(0, dot) : nameArch;
    }

    boolean isInstalled(String spec) {
        return !installed.getOrDefault(spec, List.of()).isEmpty();
    }

    /** The installed name of a spec ("nginx" for "nginx-1.20*"), or the spec when nothing is installed. */
    String nameOf(String spec) {
        List<String> nevras = installed.getOrDefault(spec, List.of());
        if (nevras.isEmpty()) {
            return spec;
        }
        String nevra = nevras.get(0);
        // name-epoch:version-release.arch: the name ends before the last "-" ahead of the epoch's ':'
        String head = nevra.substring(0, nevra.indexOf(':'));
        return head.substring(0, head.lastIndexOf('-'));
    }
}
