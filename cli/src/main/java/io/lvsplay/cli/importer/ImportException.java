package io.lvsplay.cli.importer;

/** A configuration that cannot be imported, with the file and line that says why. */
public final class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }
}
