package io.lvsplay.engine.playbook;

/** A playbook that cannot run as written: names the file, line and what to do. Exit code 5. */
public class PlaybookError extends RuntimeException {
    private final SourceLocation location;

    public PlaybookError(SourceLocation location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }
}
