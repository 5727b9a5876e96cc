package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit as {@code systemctl show} describes it: every property, which the systemd module returns
 * as {@code status}, and the few it plans from (LoadState, ActiveState, UnitFileState,
 * NeedDaemonReload). Multi-line values ({ ... } spanning lines) are joined as Ansible joins them.
 */
record SystemdUnit(Map<String, String> properties) {
    private static final List<String> ENABLED = List.of("enabled", "enabled-runtime", "static", "alias",
            "indirect", "generated", "transient");

    /** True when systemd is the running init (what systemd's own sd_booted checks). */
    static boolean systemdRuns(RemoteHost host) {
        return host.run("[ -d /run/systemd/system ]").ok();
    }

    static SystemdUnit show(RemoteHost host, String scopeFlag, String name) {
        ExecResult r = host.run("LC_ALL=C systemctl" + scopeFlag + " show -- " + ShellQuote.quote(name));
        if (!r.ok()) {
            throw new ModuleFailure("cannot query unit " + name + " on " + host.hostName() + ": "
                    + (r.stderr() + r.stdout()).strip());
        }
        return new SystemdUnit(parse(r.stdout()));
    }

    static Map<String, String> parse(String show) {
        Map<String, String> props = new LinkedHashMap<>();
        String key = null;
        StringBuilder value = null;
        for (String line : show.split("\n")) {
            if (key != null) {
                value.append('\n').append(line);
                if (line.strip().endsWith("}")) {
                    props.put(key, value.toString());
                    key = null;
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String k = line.substring(0, eq);
            String v = line.substring(eq + 1);
            if (v.startsWith("{") && !v.strip().endsWith("}")) {
                key = k;
                value = new StringBuilder(v);
            } else {
                props.put(k, v);
            }
        }
        return props;
    }

    String get(String property) {
        return properties.getOrDefault(property, "");
    }

    boolean found() {
        return !get("LoadState").equals("not-found");
    }

    boolean running() {
        return List.of("active", "activating", "reloading").contains(get("ActiveState"));
    }

    boolean masked() {
        return get("UnitFileState").equals("masked") || get("LoadState").equals("masked");
    }

    boolean enabled() {
        return ENABLED.contains(get("UnitFileState"));
    }

    /** Enabled by how it is installed (static, generated ...), not by a link `disable` could remove. */
    boolean enabledByNature() {
        return enabled() && !get("UnitFileState").startsWith("enabled");
    }

    boolean needsDaemonReload() {
        return get("NeedDaemonReload").equals("yes");
    }
}
