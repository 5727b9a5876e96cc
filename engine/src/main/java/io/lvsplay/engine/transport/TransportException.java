package io.lvsplay.engine.transport;

/** The host could not be reached or the connection broke: the host becomes UNREACHABLE. */
public class TransportException extends RuntimeException {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
