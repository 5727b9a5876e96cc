package io.lvsplay.engine.module;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A task module. It looks at the host and the arguments and computes a {@link Plan}: what must
 * change. It never changes the host itself; the executor applies the plan (or, in check mode,
 * only reports it). The same plan gives --check and --diff.
 */
public interface Module {

    /** Short name, e.g. "sysctl". */
    String name();

    /** Other names users write, e.g. "ansible.posix.sysctl", "ansible.builtin.sysctl". */
    default List<String> aliases() {
        return List.of("ansible.builtin." + name());
    }

    /** The arguments this module accepts; checked before any host is contacted. */
    ArgSpec argSpec();

    /**
     * Computes the plan for one host. Reads the host through {@code ctx.host()} only.
     * Throws {@link ModuleFailure} for a failure the user must act on (bad value, missing file).
     */
    Plan plan(ModuleArgs args, ModuleContext ctx);

    /**
     * The reads {@link #plan} starts with for these arguments, when it can tell without the host; a loop
     * sends those of all its items in one round trip. A probe the plan then does not make only costs its
     * place in the batch; a read the plan makes and did not declare goes to the host as usual.
     */
    default List<Probe> probes(ModuleArgs args) {
        return List.of();
    }

    /**
     * Arguments that are lists of conditions the module evaluates itself (assert's {@code that}):
     * the executor leaves such a list as written, as Ansible's assert reads the task's untemplated
     * args, so each condition is templated once, when evaluated (a string is templated as usual).
     */
    default Set<String> conditionArgs() {
        return Set.of();
    }

    /** What the executor must know about a module, so it never special-cases modules by name. */
    enum Trait {
        /** Talks to no host: runs on the controller and needs no connection (debug, set_fact, assert). */
        RUNS_ON_CONTROLLER,
        /** Can plan in --check mode; without it the task is skipped in check mode, as Ansible does. */
        SUPPORTS_CHECK_MODE,
        /** An executor directive (meta): acted on by the executor itself, never planned on a host. */
        META_ACTION,
        /** Its result is the point of the task: shown in the output like Ansible shows debug's. */
        SHOWS_RESULT,
        /** Its ansible_facts are host variables at include_vars precedence (below set_fact), not facts. */
        SETS_HOST_VARS,
        /** Runs once per task, for the first host, like run_once (Ansible's BYPASS_HOST_LOOP: add_host). */
        BYPASS_HOST_LOOP
    }

    /** Most modules talk to their host and can plan in check mode; the others say what they are. */
    default Set<Trait> traits() {
        return EnumSet.of(Trait.SUPPORTS_CHECK_MODE);
    }
}
