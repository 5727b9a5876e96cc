package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.modules.support.Results;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's service_facts: {@code ansible_facts.services}, from systemd (list-units, then
 * list-unit-files for the rest and for boot status) when it runs, else from the SysV scripts
 * ({@code service --status-all}, keyed by script name as Ansible keys them). Reads only.
 */
public final class ServiceFactsModule implements Module {
    private static final List<String> BAD_STATES = List.of("not-found", "masked", "failed");
    private static final Pattern SYSV = Pattern.compile("^\\s*\\[ ([+-]) \\]\\s+(.+)$", Pattern.MULTILINE);
    /* What service --status-all does, for hosts without the service wrapper. */
    private static final String STATUS_ALL = "for s in /etc/init.d/*; do [ -x \"$s\" ] || continue; n=${s##*/}; "
            + "if grep -q status \"$s\"; then if \"$s\" status >/dev/null 2>&1; then echo \" [ + ]  $n\"; "
            + "else echo \" [ - ]  $n\"; fi; else echo \" [ ? ]  $n\"; fi; done";

    @Override
    public String name() {
        return "service_facts";
    }

    @Override
    public ArgSpec argSpec() {
        return ArgSpec.of();
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        RemoteHost host = ctx.host();
        Map<String, Object> services = SystemdUnit.systemdRuns(host)
                ? fromSystemd(host.run("LC_ALL=C systemctl list-units --no-pager --type service --all --plain").stdout(),
                        host.run("LC_ALL=C systemctl list-unit-files --no-pager --type service --all").stdout())
                : fromSysv(host.run("export LC_ALL=C; if command -v service >/dev/null 2>&1; then service --status-all"
                        + " 2>/dev/null; else " + STATUS_ALL + "; fi").stdout());
        return Plan.unchanged(Results.of("ansible_facts", Map.of("services", services)));
    }

    static Map<String, Object> fromSysv(String statusAll) {
        Map<String, Object> services = new LinkedHashMap<>();
        Matcher m = SYSV.matcher(statusAll);
        while (m.find()) {
            String name = m.group(2).strip();
            services.put(name, Results.of("name", name, "state", m.group(1).equals("+") ? "running" : "stopped",
                    "source", "sysv"));
        }
        return services;
    }

    static Map<String, Object> fromSystemd(String units, String unitFiles) {
        Map<String, Object> services = new LinkedHashMap<>();
        for (String line : units.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (!line.contains(".service") || f.length < 4) {
                continue;
            }
            String status = f[2];
            for (int i = 0; i < f.length - 1; i++) {
                if (BAD_STATES.contains(f[i])) {
                    status = f[i];
                    break;
                }
            }
            services.put(f[0], entry(f[0], f[3].equals("running") ? "running" : "stopped", status));
        }
        for (String line : unitFiles.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (!line.contains(".service") || f.length < 2) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> known = (Map<String, Object>) services.get(f[0]);
            if (known == null) {
                // Ansible asks systemctl show for the ActiveState of these; inactive is what unloaded units have
                services.put(f[0], entry(f[0], "inactive", f[1]));
            } else if (!BAD_STATES.contains(known.get("status"))) {
                known.put("status", f[1]);
            }
        }
        return services;
    }

    private static Map<String, Object> entry(String name, String state, String status) {
        return Results.of("name", name, "state", state, "status", status, "source", "systemd");
    }
}
