package io.lvsplay.engine.vault;

/** A vault text that cannot be read: no secret, wrong password, damaged envelope. Line 0 if unknown. */
public final class VaultError extends RuntimeException {
    private final int line;

    public VaultError(String message) {
        this(message, 0);
    }

    public VaultError(String message, int line) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }

    public VaultError atLine(int value) {
        return line > 0 ? this : new VaultError(getMessage(), value);
    }
}
