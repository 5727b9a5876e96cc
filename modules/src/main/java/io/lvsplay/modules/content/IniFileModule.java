package io.lvsplay.modules.content;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.ContentFiles;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.List;

/** community.general.ini_file (Ansible 7's collection): one option, its values, or a section, in an ini file. */
public final class IniFileModule implements Module {
    private static final ArgSpec SPEC = ContentFiles.withFileArgs(ArgSpec.of())
            .required("path", Type.PATH).aliases("dest")
            .arg("section", Type.STR)
            .arg("option", Type.STR)
            .arg("value", Type.STR)
            .arg("values", Type.LIST).elements(Type.STR)
            .arg("backup", Type.BOOL, false)
            .choice("state", "present", "absent", "present")
            .arg("exclusive", Type.BOOL, true)
            .arg("no_extra_spaces", Type.BOOL, false)
            .arg("allow_no_value", Type.BOOL, false)
            .arg("create", Type.BOOL, true)
            .mutuallyExclusive("value", "values");

    @Override
    public String name() {
        return "ini_file";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.ini_file", "community.general.ini_file", "community.general.files.ini_file");
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String path = args.str("path");
        boolean present = args.str("state").equals("present");
        boolean allowNoValue = args.bool("allow_no_value", false);
        List<String> values = new ArrayList<>();
        if (args.has("value")) {
            values.add(args.str("value"));
        } else {
            args.list("values").forEach(v -> values.add(String.valueOf(v)));
        }
        if (present && !allowNoValue && values.isEmpty()) {
            throw new ModuleFailure("Parameter 'value(s)' must be defined if state=present and allow_no_value=False.");
        }
        ContentFiles.Current current = ContentFiles.read(ctx.host(), path);
        if (current.stat().isDirectory()) {
            throw new ModuleFailure("Destination " + path + " is a directory!");
        }
        if (!current.exists() && !args.bool("create", true)) {
            throw new ModuleFailure("Destination " + path + " does not exist!", Results.of("rc", 257));
        }
        IniEdit.Result edit = IniEdit.apply(current.text(), args.str("section"), args.str("option"), values, present,
                args.bool("exclusive", true), args.bool("no_extra_spaces", false), allowNoValue);
        List<Change> changes = new ArrayList<>();
        boolean differs = !current.exists() || !edit.text().equals(current.text());
        if (differs && !current.exists()) {
            ContentFiles.parentDirectory(ctx.host(), path).ifPresent(changes::add);
        }
        changes.addAll(ContentFiles.write(current, path, edit.text(), args, args.bool("backup", false), null));
        return Plan.changes(changes, Results.of("path", path, "msg", edit.msg()));
    }
}
