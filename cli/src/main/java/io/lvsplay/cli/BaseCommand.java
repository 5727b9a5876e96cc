package io.lvsplay.cli;

import io.lvsplay.engine.config.AnsibleConfig;
import java.util.concurrent.Callable;

/**
 * A subcommand: its surroundings are given by Main (so tests can give their own), failures are
 * thrown (ExitException or an engine error) and reported once by {@link ExitHandler}.
 */
abstract class BaseCommand implements Callable<Integer> {
    CliEnvironment environment = CliEnvironment.system();
    private AnsibleConfig config;

    @Override
    public final Integer call() throws Exception {
        return doCall();
    }

    abstract int doCall() throws Exception;

    /** ansible.cfg and ANSIBLE_* read once; its warnings printed once, on stderr. */
    AnsibleConfig config() {
        if (config == null) {
            config = environment.config();
            config.warnings().forEach(w -> System.err.println("[WARNING]: " + w));
        }
        return config;
    }
}
