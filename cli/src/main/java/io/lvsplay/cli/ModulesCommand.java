package io.lvsplay.cli;

import io.lvsplay.engine.module.Module;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** lvsplay modules: the task modules this build has and their arguments. */
@Command(name = "modules", mixinStandardHelpOptions = true, description = "Lists the task modules and their arguments.")
final class ModulesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        io.lvsplay.modules.BuiltinModules.all().stream().sorted(Comparator.comparing(Module::name)).forEach(m ->
                System.out.println(String.format("%-12s %s", m.name(), String.join(", ", m.argSpec().args().keySet()))));
        return ExitCodes.OK;
    }
}
