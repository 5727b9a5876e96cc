package io.lvsplay.engine.inventory;

/**
 * An inventory source or host pattern that cannot be used. The message reads
 * "FILE:LINE: what is wrong — what to do" so a user can jump straight to the spot.
 */
public class InventoryError extends RuntimeException {
    private final String file;
    private final int line;

    /** @param file the inventory file, or null when the problem is not in a file (a host pattern) */
    public InventoryError(String file, int line, String message) {
        super(locate(file, line) + message);
        this.file = file;
        this.line = line;
    }

    public InventoryError(String message) {
        this(null, 0, message);
    }

    /** The file the problem is in, or null for problems outside files (host patterns). */
    public String file() {
        return file;
    }

    /** 1-based line of the problem, 0 when unknown. */
    public int line() {
        return line;
    }

    private static String locate(String file, int line) {
        if (file == null) {
            return "";
        }
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }
}
