package io.lvsplay.engine.module;

/**
 * A file written atomically (temp file in the same directory, checked, renamed) as
 * {@link io.lvsplay.engine.remote.RemoteHost#writeFile} does. Null mode/owner/group keep the
 * existing file's (or the defaults for a new file).
 */
public record FileWrite(String path, byte[] content, String mode, String owner, String group) implements HostStep {

    @Override
    public String shown() {
        return "write " + path + " (" + content.length + " bytes, mode " + (mode == null ? "unchanged" : mode) + ")";
    }
}
