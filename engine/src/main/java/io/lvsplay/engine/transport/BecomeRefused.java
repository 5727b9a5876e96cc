package io.lvsplay.engine.transport;

/** sudo/su asked for a password that was not given, or refused the one given. */
public class BecomeRefused extends RuntimeException {
    public BecomeRefused(String message) {
        super(message);
    }
}
