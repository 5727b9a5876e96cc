package io.lvsplay.agent.ipvsadm;

/** ipvsadm's way to fail: a message for stderr and its exit code (2 for bad usage, 255 for a refused change). */
public final class IpvsadmException extends Exception {
    public static final int USAGE = 2;
    public static final int REFUSED = 255;

    private final int exitCode;

    public IpvsadmException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
