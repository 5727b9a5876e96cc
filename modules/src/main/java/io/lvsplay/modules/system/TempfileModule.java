package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.support.HostCommand;
import io.lvsplay.modules.support.Results;
import java.util.Map;

/**
 * Ansible's tempfile: a new temporary file or directory (mktemp, named PREFIX.XXXXXXXXSUFFIX
 * as Ansible's default ansible.XXXX), its path returned as {@code path}. Always a change; in
 * --check nothing is created and the path is unknown, as in Ansible.
 */
public final class TempfileModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .choice("state", "file", "directory", "file")
            .arg("path", Type.PATH)
            .arg("prefix", Type.STR, "ansible.")
            .arg("suffix", Type.STR, "");

    @Override
    public String name() {
        return "tempfile";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        boolean directory = args.str("state").equals("directory");
        String dir = args.str("path");
        String template = args.str("prefix") + "XXXXXXXX";
        String suffix = args.str("suffix").isEmpty() ? "" : " --suffix=" + ShellQuote.quote(args.str("suffix"));
        String cmd = "mktemp" + (directory ? " -d" : "") + " -p " + (dir == null ? "\"${TMPDIR:-/tmp}\"" : ShellQuote.quote(dir))
                + suffix + " -- " + ShellQuote.quote(template);
        String what = "create a temporary " + (directory ? "directory" : "file");
        return Plan.changes(java.util.List.of(Change.named(what).then(RemoteCommand.of(cmd), (out, host) -> {
            Map<String, Object> r = HostCommand.fields(what).read(out, host);
            return Results.of("path", r.get("stdout"), "state", directory ? "directory" : "file");
        })), Results.of("state", args.str("state")));
    }
}
