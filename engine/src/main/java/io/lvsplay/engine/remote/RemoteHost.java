package io.lvsplay.engine.remote;

import io.lvsplay.engine.transport.ExecResult;
import java.util.Optional;

/**
 * The operations modules use on a host. Reads are for planning; writes are only called by the
 * executor when it applies a plan. All of it goes over the host's one connection.
 */
public interface RemoteHost {

    String hostName();

    /** Runs a shell command (as the task's become user). */
    ExecResult run(String command);

    /** Runs a shell command with bytes on its standard input. */
    ExecResult run(String command, byte[] stdin);

    /** The file's bytes, or empty when it does not exist. */
    Optional<byte[]> readFile(String path);

    /** Type, mode, owner, group, size of a path (without following a final symlink). */
    FileStat stat(String path);

    /** Stat and content together (what copy, template, lineinfile plan from). */
    default FileSnapshot snapshot(String path) {
        FileStat stat = stat(path);
        if (!stat.exists() || stat.isDirectory()) {
            return new FileSnapshot(stat, null);
        }
        return new FileSnapshot(stat, readFile(path).orElse(null));
    }

    /**
     * Writes a file atomically: a temp file in the same directory, then rename.
     * Null mode/owner/group keep the existing file's (or the defaults for a new file).
     */
    void writeFile(String path, byte[] content, String mode, String owner, String group);
}
