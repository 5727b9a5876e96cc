package io.lvsplay.engine.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.transport.ExecResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A change is data: its steps can be shown without a host, and the executor applies them in order. */
class ChangeTest {

    /** Records what it is asked to do; a script "fail" exits 1, any other prints "out". */
    static final class RecordingHost implements RemoteHost {
        final List<String> calls = new ArrayList<>();

        @Override
        public String hostName() {
            return "h1";
        }

        @Override
        public ExecResult run(String command) {
            return run(command, new byte[0]);
        }

        @Override
        public ExecResult run(String command, byte[] stdin) {
            calls.add("run " + command + (stdin.length == 0 ? "" : " <" + new String(stdin, StandardCharsets.UTF_8)));
            return new ExecResult(command.equals("fail") ? 1 : 0, "out".getBytes(), "err".getBytes());
        }

        @Override
        public Optional<byte[]> readFile(String path) {
            throw new AssertionError("a change does not read");
        }

        @Override
        public FileStat stat(String path) {
            throw new AssertionError("a change does not stat");
        }

        @Override
        public void writeFile(String path, byte[] content, String mode, String owner, String group) {
            calls.add("write " + path + " " + new String(content, StandardCharsets.UTF_8) + " " + mode);
        }
    }

    private final Change change = Change.named("install app.conf")
            .then(RemoteCommand.of("validate", "a=1\n".getBytes()), ResultReader.failUnlessOk("invalid"))
            .then(new FileWrite("/etc/app.conf", "a=1\n".getBytes(), "0640", null, null))
            .then(RemoteCommand.of("reload"), (r, host) -> Map.of("reloaded", r.stdout() + "@" + host));

    @Test
    void itsStepsAreShownOneLineEachWithoutAHost() {
        assertEquals(List.of("validate (4 bytes on stdin)", "write /etc/app.conf (4 bytes, mode 0640)", "reload"),
                change.shown());
    }

    @Test
    void applyingRunsTheStepsInOrderAndMergesWhatTheReadersGive() {
        RecordingHost host = new RecordingHost();
        assertEquals(Map.of("reloaded", "out@h1"), change.apply(host));
        assertEquals(List.of("run validate <a=1\n", "write /etc/app.conf a=1\n 0640", "run reload"), host.calls);
    }

    @Test
    void aReaderThatFailsStopsTheLaterSteps() {
        Change failing = Change.named("x").then(RemoteCommand.of("fail"), ResultReader.failUnlessOk("cannot x"))
                .then(new FileWrite("/never", new byte[0], null, null, null));
        RecordingHost host = new RecordingHost();
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> failing.apply(host));
        assertEquals("cannot x: err", e.getMessage());
        assertEquals(List.of("run fail"), host.calls);
        assertEquals("write /never (0 bytes, mode unchanged)", failing.shown().get(1));
    }

    @Test
    void aControllerFileIsWrittenWholeAndShown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path dest = dir.resolve("out/copy.txt");
        Change fetch = Change.named("fetch").then(new ControllerFileWrite(dest, "a=1\n".getBytes()));
        fetch.apply(new RecordingHost());
        assertEquals("a=1\n", java.nio.file.Files.readString(dest));
        assertEquals(List.of("write controller file " + dest + " (4 bytes)"), fetch.shown());
        try (var left = java.nio.file.Files.list(dest.getParent())) {
            assertEquals(1, left.count(), "no temp file is left beside it");
        }
    }

    @Test
    void aStepAsAnotherUserIsRefusedNotRunAsTheTaskUser() {
        Change other = Change.named("as postgres").then(new RemoteCommand("psql", null, "postgres"));
        RecordingHost host = new RecordingHost();
        assertThrows(ModuleFailure.class, () -> other.apply(host));
        assertEquals(List.of(), host.calls);
    }
}
