package io.lvsplay.engine.playbook;

import java.nio.file.Path;

/** A place in a playbook file, for error messages: "site.yml:12". */
public record SourceLocation(Path file, int line) {

    public static final SourceLocation UNKNOWN = new SourceLocation(null, 0);

    @Override
    public String toString() {
        if (file == null) {
            return "<unknown>";
        }
        return line > 0 ? file + ":" + line : file.toString();
    }
}
