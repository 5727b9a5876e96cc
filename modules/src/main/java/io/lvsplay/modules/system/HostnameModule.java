package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.support.HostCommand;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ansible's hostname: the running name and the permanent one. With systemd (use: systemd, or
 * detected) through hostnamectl; otherwise (use: debian/generic) /etc/hostname and the hostname
 * command, which is what Ansible's Debian strategy does (written in place, not renamed: in containers
 * /etc/hostname is a bind mount). Other strategies are refused at load time.
 */
public final class HostnameModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("name", Type.STR)
            .choice("use", null, "debian", "generic", "systemd");

    @Override
    public String name() {
        return "hostname";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String name = args.str("name").strip();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,252}")) {
            throw new ModuleFailure("invalid hostname: " + name);
        }
        RemoteHost host = ctx.host();
        String use = args.str("use");
        boolean systemd = use == null
                ? host.run("[ -d /run/systemd/system ] && command -v hostnamectl >/dev/null").ok()
                : use.equals("systemd");
        String current = HostCommand.query(host, "hostname", "read the hostname").strip();
        String permanent = systemd
                ? HostCommand.query(host, "hostnamectl --static status 2>/dev/null || hostnamectl --static", "read the static hostname").strip()
                : host.readFile("/etc/hostname").map(b -> new String(b).strip()).orElse("");
        String q = ShellQuote.quote(name);
        List<Change> changes = new ArrayList<>();
        if (!current.equals(name) || !permanent.equals(name)) {
            String cmd = systemd ? "hostnamectl set-hostname -- " + q
                    : "printf '%s\\n' " + q + " > /etc/hostname"
                    + (current.equals(name) ? "" : " && hostname -- " + q);
            changes.add(HostCommand.change("set hostname to " + name,
                    Diff.of("hostname", "hostname = " + permanent + "\n", "hostname = " + name + "\n"), cmd));
        }
        String shortName = name.split("\\.", 2)[0];
        return Plan.changes(changes, Results.of("name", name, "ansible_facts", Map.of("ansible_hostname", shortName,
                "ansible_nodename", name, "ansible_fqdn", name,
                "ansible_domain", name.contains(".") ? name.substring(name.indexOf('.') + 1) : "")));
    }
}
