package io.lvsplay.cli;

import io.lvsplay.engine.exec.IncludeVarsModule;
import io.lvsplay.engine.exec.MetaModule;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleRegistry;
import io.lvsplay.engine.playbook.PlaybookLoader;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.modules.BuiltinModules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Wires the engine's parts together: module registry, loader, templar. */
final class Engine {
    final ModuleRegistry modules;
    final PlaybookLoader loader;
    final Templar templar;

    Engine(List<Path> rolesPath) {
        List<Module> all = new ArrayList<>(BuiltinModules.all());
        all.add(new MetaModule());
        all.add(new IncludeVarsModule());
        modules = new ModuleRegistry(all);
        loader = new PlaybookLoader(modules, rolesPath);
        templar = new Templar();
    }
}
