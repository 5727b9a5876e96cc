package io.lvsplay.engine.playbook;

/** A playbook that cannot run as written: names the file, line and what to do. Exit code 5. */
public class PlaybookError extends RuntimeException {
    private final SourceLocation location;
    private final String detail;

    public PlaybookError(SourceLocation location, String message) {
        super(location + ": " + message);
        this.location = location;
        this.detail = message;
    }

    /** The message without the place. */
    public String detail() {
        return detail;
    }

    /**
     * As ansible-playbook reports it, so what users (and Ansible's own tests) look for on the
     * "ERROR!" line is there: the message first, then where.
     */
    public String report() {
        return location == null || location.file() == null ? detail
                : detail + "\n\nThe error appears to be in '" + location + "'.";
    }

    public SourceLocation location() {
        return location;
    }
}
