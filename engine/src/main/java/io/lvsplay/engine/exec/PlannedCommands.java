package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.Plan;
import java.util.List;

/**
 * Shows what applying a plan executes on a host: with --check at -v (what a run would do), and in
 * a real run at -vv. A no_log task shows nothing; secrets are masked by the output's redactor.
 */
final class PlannedCommands {
    private PlannedCommands() {
    }

    static boolean shown(RunOptions options, boolean check, boolean noLog) {
        return !noLog && (check ? options.verbosity() >= 1 : options.verbosity() >= 2);
    }

    /** One line per step of every change, in the order the executor applies them. */
    static List<String> of(Plan plan) {
        return plan.applied().stream().flatMap(c -> c.shown().stream()).toList();
    }

    static void report(PlayContext ctx, String host, Plan plan, boolean check, boolean noLog) {
        if (!shown(ctx.options(), check, noLog)) {
            return;
        }
        List<String> lines = of(plan);
        if (!lines.isEmpty()) {
            ctx.listener().commands(host, check, lines);
        }
    }
}
