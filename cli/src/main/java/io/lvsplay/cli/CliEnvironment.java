package io.lvsplay.cli;

import io.lvsplay.engine.config.AnsibleConfig;
import java.nio.file.Path;
import java.util.Map;

/** What a command reads from its surroundings, read once: environment variables, working directory, home. */
record CliEnvironment(Map<String, String> env, Path cwd, Path home) {
    static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
    }

    AnsibleConfig config() {
        return AnsibleConfig.load(env, cwd, home);
    }
}
