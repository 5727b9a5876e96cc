package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shared file write path ({@link FileContentPlanner}: diff, backup, validate, atomic replace
 * with mode/owner/group) opened to the module subpackages, which edit text files of their own
 * formats (ini_file, replace, cron, authorized_key, mount's fstab).
 */
public final class ContentFiles {
    private ContentFiles() {
    }

    /** A file as it is on the host; content null when it does not exist. */
    public record Current(FileStat stat, byte[] content) {
        public boolean exists() {
            return stat.exists();
        }

        public String text() {
            return content == null ? "" : new String(content, StandardCharsets.UTF_8);
        }
    }

    public static Current read(RemoteHost host, String path) {
        FileContentPlanner.ExistingFile f = FileContentPlanner.read(host, path);
        return new Current(f.stat(), f.content());
    }

    /** As {@link #read}; a directory fails as Ansible's in-place editors do ("Path X is a directory !"). */
    public static Current readEditable(RemoteHost host, String path) {
        FileContentPlanner.ExistingFile f = FileContentPlanner.readEditable(host, path);
        return new Current(f.stat(), f.content());
    }

    /** Adds mode/owner/group, and refuses the common file arguments lvsplay does not implement. */
    public static ArgSpec withFileArgs(ArgSpec spec) {
        return UnsupportedArgs.fileCommon(spec).arg("mode", Type.RAW).arg("owner", Type.STR).arg("group", Type.STR);
    }

    /** The octal mode wanted for a path in its current state (null: keep whatever it is). */
    public static String modeFor(ModuleArgs args, FileStat stat) {
        return FileAttributes.from(args).modeFor(stat);
    }

    /** The chmod/chown/chgrp that brings an existing path to the task's mode/owner/group, if any. */
    public static java.util.Optional<Change> attributes(ModuleArgs args, FileStat stat) {
        return FileAttributes.from(args).change(stat);
    }

    /** The mkdir of a new file's missing parent directories, as create=yes does. */
    public static java.util.Optional<Change> parentDirectory(RemoteHost host, String path) {
        return ParentDirectory.ensure(host, path);
    }

    /**
     * The changes that make {@code path} hold {@code text} with the task's mode/owner/group: none
     * when it already does. {@code validate} is a command with %s, or null.
     */
    public static List<Change> write(Current current, String path, String text, ModuleArgs args, boolean backup,
                                     String validate) {
        return FileContentPlanner.plan(new FileContentPlanner.ExistingFile(current.stat(), current.content()),
                new FileContentPlanner.DesiredFile(path, text.getBytes(StandardCharsets.UTF_8),
                        FileAttributes.from(args), backup, validate));
    }
}
