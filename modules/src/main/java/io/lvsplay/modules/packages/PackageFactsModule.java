package io.lvsplay.modules.packages;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.HostCommand;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's package_facts for dpkg (manager apt) and rpm hosts: {@code ansible_facts.packages},
 * each name mapped to a list of its installed versions. Reads only; never a change. The apt
 * entries carry name, version, arch, category and source; Ansible's python-apt "origin" is not
 * reported (dpkg does not record it).
 */
public final class PackageFactsModule implements Module {
    private static final String DPKG = "dpkg-query -W -f='${db:Status-Abbrev}\\t${Package}\\t${Version}\\t"
            + "${Architecture}\\t${Section}\\n'";
    private static final String RPM = "rpm -qa --qf '%{NAME}\\t%{VERSION}\\t%{RELEASE}\\t%{EPOCH}\\t%{ARCH}\\n'";

    private static final ArgSpec SPEC = ArgSpec.of()
            .arg("manager", Type.LIST, List.of("auto")).elements(Type.STR).choices("auto", "apt", "rpm")
            .choice("strategy", "first", "first", "all");

    @Override
    public String name() {
        return "package_facts";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        List<String> wanted = args.list("manager").stream().map(String::valueOf).toList();
        List<String> managers = wanted.contains("auto") ? List.of("apt", "rpm") : wanted;
        boolean first = args.str("strategy").equals("first");
        Map<String, List<Map<String, Object>>> packages = new LinkedHashMap<>();
        List<String> found = new ArrayList<>();
        for (String manager : managers) {
            String tool = manager.equals("apt") ? "dpkg-query" : "rpm";
            if (!ctx.host().run("command -v " + tool + " >/dev/null 2>&1").ok()) {
                continue;
            }
            found.add(manager);
            String out = HostCommand.query(ctx.host(), "LC_ALL=C " + (manager.equals("apt") ? DPKG : RPM),
                    "list installed packages");
            for (String line : out.split("\n")) {
                Map<String, Object> p = manager.equals("apt") ? dpkgRow(line) : rpmRow(line);
                if (p != null) {
                    packages.computeIfAbsent((String) p.get("name"), k -> new ArrayList<>()).add(p);
                }
            }
            if (first) {
                break;
            }
        }
        if (found.isEmpty()) {
            throw new ModuleFailure("Could not detect a supported package manager from the following list: "
                    + managers + ", or the required Python library is not installed. Check warnings for details.");
        }
        return Plan.unchanged(Results.of("ansible_facts", Map.of("packages", packages)));
    }

    /* Only installed packages ("ii", "hi"): removed ones with config files left are not listed. */
    static Map<String, Object> dpkgRow(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 5 || f[0].length() < 2 || f[0].charAt(1) != 'i') {
            return null;
        }
        return Results.of("name", f[1], "version", f[2], "arch", f[3], "category", f[4], "source", "apt");
    }

    static Map<String, Object> rpmRow(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 5) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", f[0]);
        row.put("version", f[1]);
        row.put("release", f[2]);
        row.put("epoch", f[3].matches("\\d+") ? Integer.valueOf(f[3]) : null);
        row.put("arch", f[4]);
        row.put("source", "rpm");
        return row;
    }
}
