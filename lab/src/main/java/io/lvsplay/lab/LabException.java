package io.lvsplay.lab;

/** A lab could not be built, started, inspected or removed; the message says what to do about it. */
public class LabException extends RuntimeException {

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
