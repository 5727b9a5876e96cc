package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.Results;
import java.io.Console;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Ansible's pause: on the controller, once per task (not per host). seconds/minutes sleep; waiting for
 * input needs a terminal, and without one lvsplay fails clearly instead of hanging or going on
 * unasked. The result has Ansible's fields (stdout "Paused for N seconds", delta, user_input, ...).
 */
public final class PauseModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .arg("seconds", Type.INT)
            .arg("minutes", Type.INT)
            .arg("prompt", Type.STR)
            .arg("echo", Type.BOOL, true)
            .mutuallyExclusive("minutes", "seconds");

    @Override
    public String name() {
        return "pause";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Set<Trait> traits() {
        return EnumSet.of(Trait.RUNS_ON_CONTROLLER, Trait.SUPPORTS_CHECK_MODE, Trait.BYPASS_HOST_LOOP);
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        Integer minutes = args.integer("minutes");
        Integer seconds = minutes != null ? Integer.valueOf(minutes * 60) : args.integer("seconds");
        String prompt = args.str("prompt");
        String input = "";
        LocalDateTime start = LocalDateTime.now();
        long began = System.nanoTime();
        if (seconds != null) {
            sleep(Math.max(seconds, 1));
        } else {
            Console console = System.console();
            if (console == null) {
                throw new ModuleFailure("pause without seconds or minutes waits for input, and lvsplay has no terminal"
                        + " here: give seconds or minutes, or run it from a terminal");
            }
            String text = (prompt == null ? "Press enter to continue, Ctrl+C to interrupt" : prompt) + ":";
            input = args.bool("echo", true) ? console.readLine("%s", text) : new String(console.readPassword("%s", text));
        }
        double duration = (System.nanoTime() - began) / 1e9;
        String unit = minutes != null ? "minutes" : "seconds";
        double shown = Math.round((minutes != null ? duration / 60 : duration) * 100) / 100.0;
        return Plan.unchanged(Results.of("rc", 0, "stderr", "", "stdout",
                String.format(Locale.ROOT, "Paused for %s %s", shown, unit), "start", start.toString().replace('T', ' '),
                "stop", LocalDateTime.now().toString().replace('T', ' '), "delta", (int) duration,
                "echo", args.bool("echo", true), "user_input", input == null ? "" : input));
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleFailure("pause interrupted");
        }
    }
}
