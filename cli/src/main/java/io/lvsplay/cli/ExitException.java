package io.lvsplay.cli;

/** Ends a command with an exit code and a message for the user; Main prints it once, as "ERROR! ...". */
final class ExitException extends RuntimeException {
    private final int code;
    private final String hint;

    ExitException(int code, String message) {
        this(code, message, null);
    }

    ExitException(int code, String message, String hint) {
        super(message);
        this.code = code;
        this.hint = hint;
    }

    int code() {
        return code;
    }

    String hint() {
        return hint;
    }
}
