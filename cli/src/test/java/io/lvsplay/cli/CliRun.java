package io.lvsplay.cli;

import io.lvsplay.it.LvsplayRun;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command line in this JVM with a given environment and working directory (for ansible.cfg and ANSIBLE_*). */
final class CliRun {
    private CliRun() {
    }

    static LvsplayRun.Result run(Map<String, String> env, Path cwd, String... args) {
        return LvsplayRun.capture(() -> Main.execute(new CliEnvironment(env, cwd, cwd.resolve("home")), args));
    }
}
