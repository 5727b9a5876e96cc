package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A local group, present or absent, with groupadd/groupmod/groupdel (shadow-utils, as on Debian). */
public final class GroupModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("name", Type.STR)
            .arg("gid", Type.INT)
            .choice("state", "present", "present", "absent")
            .arg("system", Type.BOOL, false)
            .arg("force", Type.BOOL, false)
            .arg("non_unique", Type.BOOL, false)
            .notSupportedBecause("local", "lvsplay manages groups with groupadd/groupmod only (no lgroupadd)");

    /** The group as the host's group database has it: null when absent. */
    record Found(String name, int gid) {
        static Found parse(String getentLine) {
            String[] f = getentLine.strip().split(":", -1);
            return f.length < 3 ? null : new Found(f[0], Integer.parseInt(f[2]));
        }
    }

    @Override
    public String name() {
        return "group";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String name = args.str("name");
        return plan(args, lookup(ctx.host(), name));
    }

    static Plan plan(ModuleArgs args, Found found) {
        String name = args.str("name");
        Integer gid = args.integer("gid");
        if (args.str("state").equals("absent")) {
            Map<String, Object> result = Results.of("name", name, "state", "absent");
            if (found == null) {
                return Plan.unchanged(result);
            }
            List<String> argv = new ArrayList<>(List.of("groupdel"));
            if (args.bool("force", false)) {
                argv.add("-f");
            }
            argv.add(name);
            return Plan.changes(List.of(run("remove group " + name, argv, name)), result);
        }
        boolean system = args.bool("system", false);
        Map<String, Object> result = Results.of("gid", found == null ? gid : (Object) found.gid(),
                "name", name, "state", "present", "system", system);
        List<String> argv = new ArrayList<>();
        if (found == null) {
            argv.add("groupadd");
            if (system) {
                argv.add("-r");
            }
        } else if (gid != null && gid != found.gid()) {
            argv.add("groupmod");
        } else {
            return Plan.unchanged(result);
        }
        if (gid != null) {
            argv.addAll(List.of("-g", String.valueOf(gid)));
            if (args.bool("non_unique", false)) {
                argv.add("-o");
            }
        }
        argv.add(name);
        String what = (found == null ? "create group " : "set gid of group ") + name;
        return Plan.changes(List.of(run(what, argv, name)), result);
    }

    static Found lookup(RemoteHost host, String name) {
        return lookup(host.run(lookupScript(name)), name, host.hostName());
    }

    private static String lookupScript(String name) {
        return "getent group " + ShellQuote.quote(name);
    }

    private static Found lookup(ExecResult r, String name, String hostName) {
        if (r.exitCode() == 2) {
            return null;
        }
        if (!r.ok()) {
            throw new ModuleFailure("cannot look up group " + name + " on " + hostName + ": "
                    + r.stderr().strip());
        }
        return Found.parse(r.stdout());
    }

    /* Runs argv; the gid the host then reports goes into the result (groupadd may choose it). */
    private static Change run(String description, List<String> argv, String name) {
        Change change = Change.named(description).then(RemoteCommand.of(ShellQuote.join(argv)), (r, host) -> {
            if (!r.ok()) {
                throw new ModuleFailure((r.stderr() + r.stdout()).strip(), Results.of("rc", r.exitCode(),
                        "cmd", ShellQuote.join(argv)));
            }
            return Map.of();
        });
        if (argv.get(0).equals("groupdel")) {
            return change;
        }
        return change.then(RemoteCommand.of(lookupScript(name)), (r, host) -> {
            Found now = lookup(r, name, host);
            return now == null ? Map.of() : Map.of("gid", now.gid());
        });
    }
}
