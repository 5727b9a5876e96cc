package io.lvsplay.engine.template.lookup;

/** A lookup that failed; {@code errors='ignore'} or {@code 'warn'} may swallow it. */
public final class LookupFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LookupFailure(String message) {
        super(message);
    }
}
