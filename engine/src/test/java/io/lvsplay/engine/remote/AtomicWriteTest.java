package io.lvsplay.engine.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.engine.transport.LocalConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host-side write script: the old file or the new one, never a part, and no temp left behind. */
class AtomicWriteTest {
    private final LocalConnection host = new LocalConnection("local");

    @TempDir
    Path dir;

    @Test
    void aTransferCutShortLeavesTheOldFileAndNoTemp() throws Exception {
        Path target = Files.writeString(dir.resolve("app.conf"), "old content\n");
        byte[] content = new byte[1_000_000];
        Arrays.fill(content, (byte) 'x');
        String script = ShellRemoteHost.writeScript(target.toString(), content, null, null, null);

        ExecResult r = host.exec(script, Arrays.copyOf(content, 590_000));

        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("incomplete transfer: 590000 of 1000000 bytes arrived"), r.stderr());
        assertEquals("old content\n", Files.readString(target));
        assertEquals(1, Files.list(dir).count(), "no temp file is left");
    }

    @Test
    void aCompleteTransferReplacesTheFile() throws Exception {
        Path target = Files.writeString(dir.resolve("app.conf"), "old content\n");
        byte[] content = "new content\n".getBytes(StandardCharsets.UTF_8);

        new ShellRemoteHost(host, Become.NONE).writeFile(target.toString(), content, "0600", null, null);

        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(1, Files.list(dir).count());
    }

    @Test
    void sameSizeButOtherBytesIsRefused() throws Exception {
        Path target = Files.writeString(dir.resolve("app.conf"), "old\n");
        String script = ShellRemoteHost.writeScript(target.toString(), "abcd".getBytes(StandardCharsets.UTF_8), null, null, null);

        ExecResult r = host.exec(script, "abce".getBytes(StandardCharsets.UTF_8));

        assertNotEquals(0, r.exitCode());
        assertEquals("old\n", Files.readString(target));
    }

    @Test
    void aTempLeftByAKilledRunIsRemovedByTheNextWrite() throws Exception {
        Path target = Files.writeString(dir.resolve("app.conf"), "old\n");
        Files.writeString(dir.resolve("app.conf.lvsplay.Ab12Cd"), "partial");

        new ShellRemoteHost(host, Become.NONE).writeFile(target.toString(), "new\n".getBytes(StandardCharsets.UTF_8),
                null, null, null);

        assertEquals("new\n", Files.readString(target));
        assertEquals(1, Files.list(dir).count());
    }
}
