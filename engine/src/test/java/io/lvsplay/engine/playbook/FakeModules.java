package io.lvsplay.engine.playbook;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleRegistry;
import io.lvsplay.engine.module.Plan;
import java.util.List;

/**
 * Stand-ins for the real modules (engine tests cannot depend on the modules module), with argument
 * specs shaped like the real ones in modules/src/main/java/io/lvsplay/modules/.
 */
final class FakeModules {
    private FakeModules() {
    }

    static ModuleRegistry registry() {
        ArgSpec commandLike = ArgSpec.of().freeForm().arg("cmd", Type.STR).arg("creates", Type.PATH)
                .arg("removes", Type.PATH).arg("chdir", Type.PATH).arg("stdin", Type.STR)
                .arg("stdin_add_newline", Type.BOOL, true).arg("strip_empty_ends", Type.BOOL, true);
        return new ModuleRegistry(List.of(
                new Fake("command", ArgSpec.of().freeForm().arg("cmd", Type.STR).arg("creates", Type.PATH)
                        .arg("removes", Type.PATH).arg("chdir", Type.PATH).arg("stdin", Type.STR)
                        .arg("stdin_add_newline", Type.BOOL, true).arg("strip_empty_ends", Type.BOOL, true)
                        .arg("argv", Type.LIST)),
                new Fake("shell", commandLike.arg("executable", Type.PATH)),
                new Fake("copy", ArgSpec.of().required("dest", Type.PATH).arg("src", Type.PATH)
                        .arg("content", Type.RAW).arg("mode", Type.RAW).arg("owner", Type.STR)
                        .arg("backup", Type.BOOL, false).mutuallyExclusive("src", "content")
                        .requiredOneOf("src", "content")),
                new Fake("file", ArgSpec.of().required("path", Type.PATH).alias("dest", "path")
                        .alias("name", "path").choice("state", null, "file", "directory", "absent", "link", "touch")
                        .arg("mode", Type.RAW)),
                new Fake("template", ArgSpec.of().required("src", Type.PATH).required("dest", Type.PATH)
                        .notSupported("output_encoding")),
                new Fake("service", ArgSpec.of().required("name", Type.STR)
                        .choice("state", null, "started", "stopped", "restarted", "reloaded")
                        .arg("enabled", Type.BOOL)),
                new Fake("debug", ArgSpec.of().arg("msg", Type.RAW).arg("var", Type.STR)
                        .arg("verbosity", Type.INT, 0).mutuallyExclusive("msg", "var")),
                new Fake("set_fact", ArgSpec.of().anyArgs().arg("cacheable", Type.BOOL, false)),
                new Fake("meta", ArgSpec.of().freeForm())));
    }

    record Fake(String name, ArgSpec argSpec) implements Module {
        @Override
        public Plan plan(ModuleArgs args, ModuleContext ctx) {
            return Plan.unchanged();
        }
    }
}
