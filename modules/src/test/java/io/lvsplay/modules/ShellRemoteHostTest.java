package io.lvsplay.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.remote.Become;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.remote.ShellRemoteHost;
import io.lvsplay.engine.transport.Connection;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.engine.transport.LocalConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellRemoteHostTest {
    @TempDir
    Path dir;

    private final ShellRemoteHost host = new ShellRemoteHost(new LocalConnection("local"), Become.NONE);

    @ParameterizedTest
    @ValueSource(strings = {"plain", "", "it's", "\"double\"", "$HOME and `id`", "two\nlines", "back\\slash",
            "*glob?", "'", "''", "tab\there", "-n"})
    void shellQuoteReadsBackAsTheExactValue(String value) {
        ExecResult r = host.run("printf '%s' " + ShellQuote.quote(value));
        assertEquals(value, r.stdout());
    }

    @Test
    void runFeedsStdinToTheCommand() {
        assertEquals("hello", host.run("cat", "hello".getBytes(StandardCharsets.UTF_8)).stdout());
    }

    @Test
    void localConnectionDoesNotDeadlockOnLargeInputAndOutput() {
        byte[] big = "x".repeat(2_000_000).getBytes(StandardCharsets.UTF_8);
        ExecResult r = host.run("cat; cat >&2 </dev/null", big);
        assertEquals(big.length, r.stdoutBytes().length);
    }

    @Test
    void readFileOfAMissingPathIsEmpty() {
        assertTrue(host.readFile(dir.resolve("missing").toString()).isEmpty());
    }

    @Test
    void readFileOfADirectoryFailsWithTheReason() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.readFile(dir.toString()));
        assertTrue(e.getMessage().contains("Is a directory"), e.getMessage());
    }

    @Test
    void readFileReturnsTheExactBytes() throws Exception {
        byte[] bytes = {0, 1, (byte) 0xff, '\n'};
        Files.write(dir.resolve("bin"), bytes);
        assertArrayEquals(bytes, host.readFile(dir.resolve("bin").toString()).orElseThrow());
    }

    @Test
    void statDescribesFilesDirectoriesLinksAndAbsence() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "abc");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.createSymbolicLink(dir.resolve("l"), Path.of("f"));

        FileStat f = host.stat(file.toString());
        assertEquals(new FileStat(file.toString(), "file", "0640", "root", "root", 3, null), f);
        assertEquals("directory", host.stat(dir.toString()).type());
        FileStat link = host.stat(dir.resolve("l").toString());
        assertTrue(link.isLink());
        assertEquals("f", link.linkTarget());
        assertFalse(host.stat(dir.resolve("nope").toString()).exists());
        assertFalse(host.stat(file + "/below-a-file").exists());
    }

    @Test
    void writeFileCreatesANewFileWithMode0644AndLeavesNoTempFile() throws Exception {
        Path target = dir.resolve("new.conf");
        host.writeFile(target.toString(), "a\n".getBytes(StandardCharsets.UTF_8), null, null, null);
        assertEquals("a\n", Files.readString(target));
        assertEquals("0644", host.stat(target.toString()).mode());
        assertEquals(List.of(target), listDir());
    }

    @Test
    void writeFileKeepsTheExistingModeAndOwner() throws Exception {
        Path target = Files.writeString(dir.resolve("old.conf"), "old");
        host.run("chmod 0600 " + target + " && chown nobody:nogroup " + target);
        host.writeFile(target.toString(), "new".getBytes(StandardCharsets.UTF_8), null, null, null);
        FileStat stat = host.stat(target.toString());
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("0600", "nobody", "nogroup"), List.of(stat.mode(), stat.owner(), stat.group()));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void writeFileAppliesGivenAttributes() {
        String target = dir.resolve("given").toString();
        host.writeFile(target, new byte[0], "0751", "nobody", "nogroup");
        FileStat stat = host.stat(target);
        assertEquals(List.of("0751", "nobody", "nogroup"), List.of(stat.mode(), stat.owner(), stat.group()));
    }

    @Test
    void writeFileIntoAMissingDirectoryFailsAndSaysWhy() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.writeFile(
                dir.resolve("no/such/dir/f").toString(), new byte[0], null, null, null));
        assertTrue(e.getMessage().contains("destination directory does not exist"), e.getMessage());
    }

    @Test
    void writeFileWithAnUnknownOwnerFailsWithoutTouchingTheTarget() throws Exception {
        Path target = Files.writeString(dir.resolve("keep"), "keep");
        assertThrows(ModuleFailure.class, () -> host.writeFile(target.toString(), "x".getBytes(StandardCharsets.UTF_8),
                null, "no-such-user-lvsplay", null));
        assertEquals("keep", Files.readString(target));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void becomeRunsSudoWithAUniquePromptAndAReadyLine() {
        RecordingConnection conn = new RecordingConnection();
        new ShellRemoteHost(conn, Become.as("postgres", null)).run("echo 'hi'", "in".getBytes(StandardCharsets.UTF_8));
        assertTrue(conn.commands.get(0).matches("sudo -H -S -p '\\[lvsplay become password [0-9a-f]{24}\\] ' -u postgres -- "
                + "/bin/sh -c 'echo LVSPLAY-BECOME-OK-[0-9a-f]{24}; echo '.*"), conn.commands.get(0));
        assertEquals("in", conn.stdins.get(0));
    }

    @Test
    void theBecomePasswordIsNeverPartOfTheCommandsStdin() {
        RecordingConnection conn = new RecordingConnection();
        new ShellRemoteHost(conn, Become.as(null, "s3cret")).run("cat", "payload".getBytes(StandardCharsets.UTF_8));
        assertEquals("payload", conn.stdins.get(0));
        assertEquals("s3cret", conn.replies.get(0).password(), "it goes to the prompt answerer only");
        assertFalse(conn.commands.get(0).contains("s3cret"));
    }

    @Test
    void sudoAskingForAPasswordIsReportedAsABecomeProblem() {
        Connection refusing = new RecordingConnection() {
            @Override
            public ExecResult exec(String command, byte[] stdin, io.lvsplay.engine.transport.ExecOptions options) {
                return new ExecResult(1, new byte[0], "sudo: a password is required\n".getBytes(StandardCharsets.UTF_8));
            }
        };
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> new ShellRemoteHost(refusing, Become.as("root", null)).run("true"));
        assertTrue(e.getMessage().contains("ansible_become_password"), e.getMessage());
    }

    private List<Path> listDir() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static class RecordingConnection implements Connection {
        final List<String> commands = new ArrayList<>();
        final List<String> stdins = new ArrayList<>();
        final List<io.lvsplay.engine.transport.PromptReply> replies = new ArrayList<>();

        @Override
        public ExecResult exec(String command, byte[] stdin, io.lvsplay.engine.transport.ExecOptions options) {
            commands.add(command);
            stdins.add(new String(stdin, StandardCharsets.UTF_8));
            replies.add(options.become());
            return new ExecResult(0, new byte[0], new byte[0]);
        }

        @Override
        public long roundTrips() {
            return commands.size();
        }

        @Override
        public String hostName() {
            return "recorded";
        }

        @Override
        public void close() {
        }
    }
}
