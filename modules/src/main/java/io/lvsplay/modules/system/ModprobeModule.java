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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * community.general.modprobe: a kernel module loaded (with params) or unloaded, and with
 * persistent, listed in /etc/modules-load.d/NAME.conf and its params in /etc/modprobe.d/NAME.conf
 * (old "options NAME ..." lines elsewhere commented out, as the collection does). Loaded means
 * in /proc/modules or built into the kernel (modules.builtin).
 */
public final class ModprobeModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("name", Type.STR)
            .choice("state", "present", "absent", "present")
            .arg("params", Type.STR, "")
            .choice("persistent", "disabled", "disabled", "present", "absent");

    @Override
    public String name() {
        return "modprobe";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.modprobe", "community.general.modprobe", "community.general.system.modprobe");
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    /** What the host has: loaded now, listed for boot, and the options lines set for it. */
    record Status(boolean loaded, boolean persistent, Set<String> params) {}

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String name = args.str("name");
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new ModuleFailure("invalid kernel module name: " + name);
        }
        String params = args.str("params").strip();
        Status now = probe(ctx.host(), name);
        String q = ShellQuote.quote(name);
        List<Change> changes = new ArrayList<>();
        boolean present = args.str("state").equals("present");
        if (present && !now.loaded()) {
            changes.add(HostCommand.change("load kernel module " + name, Diff.of("module " + name, "loaded: false\n",
                    "loaded: true\n"), "modprobe -- " + q + (params.isEmpty() ? "" : " " + params)));
        } else if (!present && now.loaded()) {
            changes.add(HostCommand.change("unload kernel module " + name, Diff.of("module " + name, "loaded: true\n",
                    "loaded: false\n"), "modprobe -r -- " + q));
        }
        Set<String> wanted = new TreeSet<>(Arrays.asList(params.isEmpty() ? new String[0] : params.split("\\s+")));
        String persistent = args.str("persistent");
        String optionsLine = "^options " + name + " [A-Za-z0-9_]+=[^ ]+ *([#;].*)?$";
        String commentOld = "for f in /etc/modprobe.d/*; do [ -f \"$f\" ] && sed -i -E 's/" + optionsLine.replace("/", "\\/")
                + "/#&/' \"$f\"; done";
        if (persistent.equals("present") && !(now.persistent() && now.params().equals(wanted))) {
            StringBuilder cmd = new StringBuilder("set -e; mkdir -p /etc/modules-load.d /etc/modprobe.d");
            if (!now.persistent()) {
                cmd.append("; printf '%s\\n' ").append(q).append(" > /etc/modules-load.d/").append(name).append(".conf");
            }
            if (!now.params().equals(wanted)) {
                cmd.append("; ").append(commentOld).append("; printf '%s\\n'");
                wanted.forEach(p -> cmd.append(' ').append(ShellQuote.quote("options " + name + " " + p)));
                cmd.append(" > /etc/modprobe.d/").append(name).append(".conf");
            }
            changes.add(HostCommand.change("load " + name + " at boot", Diff.of("module " + name + " at boot",
                    describe(now.persistent(), now.params()), describe(true, wanted)), cmd.toString()));
        } else if (persistent.equals("absent") && (now.persistent() || !now.params().isEmpty())) {
            String cmd = "for f in /etc/modules-load.d/*; do [ -f \"$f\" ] && sed -i -E 's/^ *" + name
                    + " *([#;].*)?$/#&/' \"$f\"; done; " + commentOld + "; true";
            changes.add(HostCommand.change("do not load " + name + " at boot", Diff.of("module " + name + " at boot",
                    describe(now.persistent(), now.params()), describe(false, Set.of())), cmd));
        }
        return Plan.changes(changes, Results.of("name", name, "params", args.str("params"), "state", args.str("state")));
    }

    private static String describe(boolean persistent, Set<String> params) {
        return "at boot: " + persistent + "\n" + (params.isEmpty() ? "" : "options: " + String.join(" ", params) + "\n");
    }

    static Status probe(RemoteHost host, String name) {
        String script = "n=" + ShellQuote.quote(name) + "\n"
                + "u=$(printf %s \"$n\" | tr - _)\n"
                + "if grep -q \"^$u \" /proc/modules 2>/dev/null || grep -q \"/$n.ko\\$\" /lib/modules/$(uname -r)/modules.builtin"
                + " 2>/dev/null; then echo loaded; fi\n"
                + "cat /etc/modules-load.d/* 2>/dev/null | grep -E \"^ *$n *([#;].*)?\\$\" >/dev/null && echo persistent\n"
                + "cat /etc/modprobe.d/* 2>/dev/null | sed -n -E \"s/^options $n ([A-Za-z0-9_]+=[^ ]+) *([#;].*)?\\$/param \\1/p\"\n"
                + "true";
        String out = HostCommand.query(host, script, "query kernel module " + name);
        Set<String> params = new TreeSet<>();
        boolean loaded = false;
        boolean persistent = false;
        for (String line : out.split("\n")) {
            if (line.equals("loaded")) {
                loaded = true;
            } else if (line.equals("persistent")) {
                persistent = true;
            } else if (line.startsWith("param ")) {
                params.add(line.substring(6));
            }
        }
        return new Status(loaded, persistent, params);
    }
}
