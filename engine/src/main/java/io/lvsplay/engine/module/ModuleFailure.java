package io.lvsplay.engine.module;

import java.util.Map;

/** A task failed: the message is shown after "fatal: [host]: FAILED! =>". */
public class ModuleFailure extends RuntimeException {
    private final Map<String, Object> result;

    public ModuleFailure(String message) {
        this(message, Map.of());
    }

    public ModuleFailure(String message, Map<String, Object> result) {
        super(message);
        this.result = result;
    }

    /** Extra result fields (rc, stdout, stderr, ...) kept for register and output. */
    public Map<String, Object> result() {
        return result;
    }
}
