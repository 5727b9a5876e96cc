package io.lvsplay.engine.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lvsplay.engine.transport.LocalConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** snapshot() gives in one round trip what stat() and readFile() give in two. */
class SnapshotTest {
    @TempDir
    Path dir;

    private final ShellRemoteHost host = new ShellRemoteHost(new LocalConnection("local"), Become.NONE);

    @Test
    void aRegularFileComesWithItsExactBytes() throws Exception {
        Path f = dir.resolve("a.conf");
        byte[] bytes = "line\n\n@@lvsplay-content@@\nno newline at end".getBytes();
        Files.write(f, bytes);
        FileSnapshot s = host.snapshot(f.toString());
        assertEquals("file", s.stat().type());
        assertArrayEquals(bytes, s.content());
        assertEquals(host.stat(f.toString()), s.stat());
    }

    @Test
    void anEmptyFileHasEmptyContentNotNone() throws Exception {
        Path f = Files.createFile(dir.resolve("empty"));
        assertArrayEquals(new byte[0], host.snapshot(f.toString()).content());
    }

    @Test
    void aLinkKeepsItsTargetAndReadsThroughIt() throws Exception {
        Path target = Files.writeString(dir.resolve("t.txt"), "hello\n");
        Path link = Files.createSymbolicLink(dir.resolve("l"), target);
        FileSnapshot s = host.snapshot(link.toString());
        assertEquals(host.stat(link.toString()), s.stat());
        assertEquals(target.toString(), s.stat().linkTarget());
        assertArrayEquals("hello\n".getBytes(), s.content());
    }

    @Test
    void aMissingPathOrADirectoryHasNoContent() {
        FileSnapshot missing = host.snapshot(dir.resolve("nope").toString());
        assertFalse(missing.stat().exists());
        assertNull(missing.content());
        assertNull(host.snapshot(dir.toString()).content());
    }
}
