package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.HostCommand;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ansible.posix.seboolean through getsebool/semanage/setsebool (the RHEL family's tools; no
 * SELinux host runs in this lab, so it is tested against recorded tool output). The runtime value
 * comes from getsebool, the persistent one from `semanage boolean -l`. A host without SELinux
 * (Debian) gets a clear "not available" failure.
 */
public final class SebooleanModule implements Module {
    private static final Pattern SEMANAGE = Pattern.compile("^(\\S+)\\s+\\((on|off)\\s*,\\s*(on|off)\\)");
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("name", Type.STR)
            .arg("persistent", Type.BOOL, false)
            .required("state", Type.BOOL)
            .arg("ignore_selinux_state", Type.BOOL, false);

    @Override
    public String name() {
        return "seboolean";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.seboolean", "ansible.posix.seboolean");
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String name = args.str("name");
        String q = ShellQuote.quote(name);
        ExecResult enabled = ctx.host().run("command -v getsebool >/dev/null 2>&1 && selinuxenabled");
        if (!enabled.ok() && !args.bool("ignore_selinux_state", false)) {
            throw new ModuleFailure("SELinux is not available on " + ctx.hostName()
                    + " (no getsebool, or SELinux disabled): seboolean cannot manage " + name);
        }
        String out = HostCommand.query(ctx.host(), "LC_ALL=C getsebool -- " + q, "read SELinux boolean " + name).strip();
        if (!out.matches("\\S+ --> (on|off)")) {
            throw new ModuleFailure("SELinux boolean " + name + " does not exist.");
        }
        boolean wanted = args.bool("state", false);
        boolean runtime = out.endsWith("on");
        boolean persistent = args.bool("persistent", false);
        boolean changeNeeded = runtime != wanted;
        if (persistent && !changeNeeded) {
            changeNeeded = persistentValue(ctx, name) != wanted;
        }
        List<io.lvsplay.engine.module.Change> changes = new ArrayList<>();
        if (changeNeeded) {
            changes.add(HostCommand.change("set SELinux boolean " + name + (wanted ? " on" : " off"),
                    Diff.of("seboolean " + name, "state: " + runtime + "\n", "state: " + wanted + "\n"),
                    "setsebool " + (persistent ? "-P " : "") + q + (wanted ? " on" : " off")));
        }
        return Plan.changes(changes, Results.of("name", name, "state", wanted, "persistent", persistent));
    }

    private static boolean persistentValue(ModuleContext ctx, String name) {
        String listing = HostCommand.query(ctx.host(), "LC_ALL=C semanage boolean -l -n", "list SELinux booleans");
        for (String line : listing.split("\n")) {
            Matcher m = SEMANAGE.matcher(line.strip());
            if (m.find() && m.group(1).equals(name)) {
                return m.group(3).equals("on");
            }
        }
        throw new ModuleFailure("SELinux boolean " + name + " does not exist.");
    }
}
