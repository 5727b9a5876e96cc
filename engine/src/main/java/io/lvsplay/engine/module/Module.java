package io.lvsplay.engine.module;

import java.util.List;

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
     * Modules that talk to no host (debug, set_fact, assert, fail, meta-like) say so, so the
     * executor does not need a connection for them.
     */
    default boolean needsConnection() {
        return true;
    }
}
