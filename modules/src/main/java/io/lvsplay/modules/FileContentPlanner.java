package io.lvsplay.modules;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.FileWrite;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.FileSnapshot;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Digests;
import io.lvsplay.modules.support.Results;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans "this path must hold these bytes with these attributes": the shared write path of copy,
 * template, lineinfile, blockinfile and sysctl. Content that differs gives one write change
 * (optional backup, optional validation, atomic replace with the attributes); equal content
 * gives at most an attribute change.
 */
final class FileContentPlanner {

    /** What is on the host now: content is null when the path does not exist. */
    record ExistingFile(FileStat stat, byte[] content) {
        boolean exists() {
            return stat.exists();
        }

        String text() {
            return content == null ? "" : new String(content, StandardCharsets.UTF_8);
        }
    }

    /** What should be there. {@code validate} is a command with %s, or null. */
    record DesiredFile(String path, byte[] content, FileAttributes attributes, boolean backup, String validate) {}

    private FileContentPlanner() {
    }

    /** Reads a path for planning: its stat, and its bytes when it is a regular file. */
    static ExistingFile read(RemoteHost host, String path) {
        FileSnapshot snapshot = host.snapshot(path);
        return new ExistingFile(snapshot.stat(), snapshot.content());
    }

    /** As {@link #read}, for the modules that edit a text file in place: a directory fails as Ansible's do. */
    static ExistingFile readEditable(RemoteHost host, String path) {
        ExistingFile existing = read(host, path);
        if (existing.stat().isDirectory()) {
            throw new ModuleFailure("Path " + path + " is a directory !", Results.of("rc", 256));
        }
        return existing;
    }

    /**
     * copy's and template's {@code follow}: with it, a dest that is a link to something that exists
     * is written through, at its real path (Python's os.path.realpath); without it, or when the link
     * dangles, the link is replaced by a file, even when the content is the same, as Ansible's copy does.
     */
    static ExistingFile throughLinks(RemoteHost host, ExistingFile existing, boolean follow) {
        if (!existing.stat().isLink()) {
            return existing;
        }
        if (follow) {
            ExecResult real = host.run("realpath -e -- " + ShellQuote.quote(existing.stat().path()));
            if (real.ok()) {
                return read(host, real.stdout().strip());
            }
        }
        return new ExistingFile(existing.stat(), null);
    }

    static List<Change> plan(ExistingFile existing, DesiredFile desired) {
        return plan(existing, desired, "backup_file");
    }

    /** As {@link #plan(ExistingFile, DesiredFile)}; the backup's path goes to {@code backupField} (lineinfile: "backup"). */
    static List<Change> plan(ExistingFile existing, DesiredFile desired, String backupField) {
        if (desired.validate() != null && !desired.validate().contains("%s")) {
            throw new ModuleFailure("validate must contain %s: " + desired.validate());
        }
        List<Change> changes = new ArrayList<>();
        boolean sameContent = existing.content() != null
                && java.util.Arrays.equals(existing.content(), desired.content());
        if (sameContent) {
            desired.attributes().change(existing.stat()).ifPresent(changes::add);
            return changes;
        }
        String mode = desired.attributes().modeFor(existing.stat());
        FileAttributes attrs = desired.attributes();
        boolean backup = desired.backup() && existing.exists();
        Change write = Change.named(existing.exists() ? "update " + desired.path() : "create " + desired.path(),
                diff(desired.path(), existing.content(), desired.content()));
        if (desired.validate() != null) {
            write = validate(write, desired.validate(), desired.content());
        }
        if (backup) {
            write = backup(write, desired.path(), backupField);
        }
        changes.add(write.then(new FileWrite(desired.path(), desired.content(), mode, attrs.owner(), attrs.group())));
        return changes;
    }

    static Diff diff(String path, byte[] before, byte[] after) {
        return Diff.of(path, text(before), text(after));
    }

    private static String text(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') < 0) {
                return text;
            }
        } catch (CharacterCodingException e) {
            // binary content: described below instead of shown
        }
        return "(binary content, " + bytes.length + " bytes, sha1 " + Digests.sha1(bytes) + ")\n";
    }

    /* The candidate content goes to a temp file that the user's command checks before install. */
    private static Change validate(Change change, String validate, byte[] content) {
        String check = validate.replace("%s", "\"$lvsplay_tmp\"");
        return change.then(RemoteCommand.of("lvsplay_tmp=$(mktemp) || exit 111; trap 'rm -f \"$lvsplay_tmp\"' EXIT; "
                + "cat > \"$lvsplay_tmp\"; " + check, content), (r, host) -> {
                    if (!r.ok()) {
                        throw new ModuleFailure("failed to validate", Results.of(
                                "exit_status", r.exitCode(), "stdout", r.stdout(), "stderr", r.stderr(), "validate", validate));
                    }
                    return Map.of();
                });
    }

    /* Named like Ansible's backups, with the host's clock: dest.YYYY-MM-DD@HH:MM:SS~ */
    static Change backup(Change change, String path) {
        return backup(change, path, "backup_file");
    }

    /** The backup's path goes to {@code field}: copy and template say "backup_file", lineinfile "backup". */
    static Change backup(Change change, String path, String field) {
        String q = ShellQuote.quote(path);
        return change.then(RemoteCommand.of("b=" + q + ".$(date +%Y-%m-%d@%H:%M:%S)~ && cp -p -- " + q
                + " \"$b\" && printf %s \"$b\""), (r, host) -> {
                    if (!r.ok()) {
                        throw new ModuleFailure("cannot back up " + path + " on " + host + ": " + r.stderr().strip());
                    }
                    return Map.of(field, r.stdout());
                });
    }
}
