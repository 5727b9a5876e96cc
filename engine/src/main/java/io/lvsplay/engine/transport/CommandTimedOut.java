package io.lvsplay.engine.transport;

/** A command ran past its deadline and was stopped; the connection itself is still usable. */
public class CommandTimedOut extends RuntimeException {
    public CommandTimedOut(String message) {
        super(message);
    }
}
