package io.lvsplay.modules;

import io.lvsplay.engine.module.Module;
import java.util.List;

/** Every module lvsplay ships, for the engine's ModuleRegistry. */
public final class BuiltinModules {
    private BuiltinModules() {
    }

    public static List<Module> all() {
        return List.of(
                new CommandModule(),
                new ShellModule(),
                new CopyModule(),
                new TemplateModule(),
                new FileModule(),
                new LineinfileModule(),
                new BlockinfileModule(),
                new SysctlModule(),
                new ServiceModule(),
                PackageModule.generic(),
                PackageModule.forManager("apt"),
                PackageModule.forManager("dnf"),
                PackageModule.forManager("yum"),
                new StatModule(),
                new UriModule(),
                new WaitForModule(),
                new AssertModule(),
                new FailModule(),
                new DebugModule(),
                new SetFactModule(),
                new GroupByModule(),
                new AddHostModule(),
                new PingModule());
    }
}
