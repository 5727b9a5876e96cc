package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.ContentFiles;
import io.lvsplay.modules.support.HostCommand;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.List;

/**
 * ansible.posix.selinux: SELINUX= and SELINUXTYPE= in the config file, and the running mode set
 * with setenforce when SELinux is enabled (disabling or enabling needs a reboot:
 * reboot_required). Tested against recorded getenforce output (no SELinux host in this lab); on a
 * host without SELinux tools a clear failure.
 */
public final class SelinuxModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .arg("policy", Type.STR)
            .choice("state", null, "disabled", "enforcing", "permissive")
            .arg("configfile", Type.PATH, "/etc/selinux/config").aliases("conf", "file")
            .requiredIf("state", "enforcing", "policy").requiredIf("state", "permissive", "policy")
            .notSupported("update_kernel_param");

    @Override
    public String name() {
        return "selinux";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.selinux", "ansible.posix.selinux");
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        if (!args.has("state")) {
            throw new ModuleFailure("missing required arguments: state");
        }
        if (!ctx.host().run("command -v getenforce >/dev/null 2>&1").ok()) {
            throw new ModuleFailure("SELinux is not available on " + ctx.hostName() + " (no getenforce): "
                    + "the selinux module is for SELinux hosts (RHEL family)");
        }
        String state = args.str("state");
        String policy = args.str("policy");
        String file = args.str("configfile");
        String running = HostCommand.query(ctx.host(), "getenforce", "read the SELinux mode").strip().toLowerCase();
        ContentFiles.Current config = ContentFiles.read(ctx.host(), file);
        String text = SelinuxConfig.set(config.text(), "SELINUX", state);
        if (policy != null) {
            text = SelinuxConfig.set(text, "SELINUXTYPE", policy);
        }
        List<Change> changes = new ArrayList<>(ContentFiles.write(config, file, text, args, false, null));
        boolean reboot = false;
        if (running.equals("disabled") != state.equals("disabled")) {
            reboot = true;
        } else if (!running.equals(state)) {
            changes.add(HostCommand.change("set the running SELinux mode to " + state, null,
                    "setenforce " + (state.equals("enforcing") ? "1" : "0")));
        }
        String configured = SelinuxConfig.get(config.text(), "SELINUXTYPE");
        if (policy != null && configured != null && !configured.equals(policy)) {
            reboot = true;
        }
        return Plan.changes(changes, Results.of("msg", changes.isEmpty() ? "" : "Config SELinux state changed to " + state,
                "state", state, "policy", policy, "configfile", file, "reboot_required", reboot));
    }
}
