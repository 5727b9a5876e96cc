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
                io.lvsplay.modules.packages.DnfModule.dnf(),
                io.lvsplay.modules.packages.DnfModule.yum(),
                new io.lvsplay.modules.packages.PipModule(),
                new StatModule(),
                new UriModule(),
                new WaitForModule(),
                new AssertModule(),
                new FailModule(),
                new DebugModule(),
                new SetFactModule(),
                new GroupByModule(),
                new AddHostModule(),
                new PingModule(),
                new AsyncStatusModule(),
                // modsys: packages, services, system, network, content
                new io.lvsplay.modules.packages.AptModule(),
                new io.lvsplay.modules.packages.PackageFactsModule(),
                new io.lvsplay.modules.system.SystemdModule(),
                new io.lvsplay.modules.system.ServiceFactsModule(),
                new io.lvsplay.modules.system.SysvinitModule(),
                new io.lvsplay.modules.system.ModprobeModule(),
                new io.lvsplay.modules.system.HostnameModule(),
                new io.lvsplay.modules.network.IptablesModule(),
                new io.lvsplay.modules.content.IniFileModule(),
                new io.lvsplay.modules.content.ReplaceModule(),
                new io.lvsplay.modules.system.CronModule(),
                new io.lvsplay.modules.system.AuthorizedKeyModule(),
                new io.lvsplay.modules.system.GetentModule(),
                new io.lvsplay.modules.system.RawModule(),
                new io.lvsplay.modules.system.TempfileModule(),
                new io.lvsplay.modules.content.FindModule(),
                new io.lvsplay.modules.system.SebooleanModule(),
                new io.lvsplay.modules.system.SelinuxModule(),
                new UserModule(),
                new GroupModule(),
                new SlurpModule(),
                // modules2: run and control
                new io.lvsplay.modules.system.ScriptModule(),
                new io.lvsplay.modules.system.PauseModule(),
                new io.lvsplay.modules.system.SetupModule(),
                new io.lvsplay.modules.content.FetchModule(),
                new AssembleModule(),
                // modulesA: downloads, archives, known_hosts, connection, debconf, mount
                new io.lvsplay.modules.content.GetUrlModule(),
                new io.lvsplay.modules.content.UnarchiveModule(),
                new io.lvsplay.modules.system.KnownHostsModule(),
                new io.lvsplay.modules.system.DebconfModule(),
                new io.lvsplay.modules.system.MountModule());
    }
}
