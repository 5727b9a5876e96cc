package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.inventory.ShellWords;
import java.util.List;
import java.util.Map;

/**
 * Runs a program without a shell: the free-form line is split into words like shlex does, and
 * every word is quoted, so pipes, redirections and globs reach the program literally; as in Ansible,
 * $VAR of the environment and a leading ~ are expanded in each word (ArgvExpansion).
 */
public final class CommandModule implements Module {
    private static final ArgSpec SPEC = CommandRun.commonSpec().arg("argv", Type.LIST).arg("executable", Type.PATH);

    @Override
    public String name() {
        return "command";
    }


    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        List<String> argv = argv(args);
        if (argv.isEmpty()) {
            throw new ModuleFailure("no command given", Map.of("rc", 256));
        }
        Plan plan = CommandRun.plan(args, ctx, ArgvExpansion.commandLine(argv), argv);
        if (args.has("executable")) {
            // Ansible's command module ignores executable since 2.4 and says so
            return plan.withResult(Map.of("warnings", List.of("As of Ansible 2.4, the parameter 'executable' is no"
                    + " longer supported with the 'command' module. Not using '" + args.str("executable") + "'.")));
        }
        return plan;
    }

    private static List<String> argv(ModuleArgs args) {
        if (args.has("argv")) {
            if (args.has("_raw_params") || args.has("cmd")) {
                throw new ModuleFailure("only command or argv can be given, not both", Map.of("rc", 256));
            }
            Object raw = args.raw("argv");
            return raw instanceof List<?> l ? CommandRun.asStrings(l) : words(String.valueOf(raw));
        }
        String line = args.has("cmd") ? args.str("cmd") : args.rawParams();
        return line == null ? List.of() : words(line);
    }

    /** Ansible splits the command line with shlex.split (no comments). */
    private static List<String> words(String line) {
        try {
            return ShellWords.split(line, false);
        } catch (IllegalArgumentException e) {
            throw new ModuleFailure(e.getMessage());
        }
    }
}
