package io.lvsplay.cli;

import io.lvsplay.engine.config.ConfigError;
import io.lvsplay.engine.inventory.InventoryError;
import io.lvsplay.engine.playbook.PlaybookError;
import io.lvsplay.engine.template.TemplateError;
import io.lvsplay.engine.vault.VaultError;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The one place that turns a failed command into "ERROR! ..." and an exit code. */
final class ExitHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final String NOTHING_RUN = "Nothing was run: fix the problem above and try again.";

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof ExitException exit) {
            err.println("ERROR! " + exit.getMessage());
            if (exit.hint() != null) {
                err.println(exit.hint());
            }
            err.flush();
            return exit.code();
        }
        if (isBadInput(ex)) {
            err.println("ERROR! " + (ex instanceof PlaybookError pe ? pe.report() : ex.getMessage()));
            err.println(NOTHING_RUN);
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        err.println("ERROR! " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
        err.flush();
        return ExitCodes.GENERIC_ERROR;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("ERROR! " + ex.getMessage());
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** Errors in what the user gave us (playbook, inventory, config, vault, options): exit 5 before any host is touched. */
    static boolean isBadInput(Exception ex) {
        return ex instanceof PlaybookError || ex instanceof InventoryError || ex instanceof TemplateError
                || ex instanceof VaultError || ex instanceof ConfigError || ex instanceof IllegalArgumentException;
    }
}
