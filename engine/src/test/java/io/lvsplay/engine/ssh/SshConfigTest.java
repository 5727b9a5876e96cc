package io.lvsplay.engine.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigTest {
    @TempDir
    Path dir;

    private SshConfig config(String text) throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, text);
        return SshConfig.load(file);
    }

    @Test
    void aPatternBlockGivesHostNameUserPortKeysAndJump() throws Exception {
        SshConfig c = config("""
                Host web? !web9
                  HostName %h.lab.example
                  User deploy
                  Port 2222
                  IdentityFile ~/.ssh/deploy
                  ProxyJump jump@bastion:22
                  StrictHostKeyChecking accept-new
                  UserKnownHostsFile /tmp/kh other
                Host *
                  User fallback
                """);
        SshConfig.Entry web1 = c.lookup("web1");
        assertEquals("web1.lab.example", web1.hostName());
        assertEquals("deploy", web1.user());
        assertEquals(2222, web1.port());
        assertEquals(List.of(System.getProperty("user.home") + "/.ssh/deploy"), web1.identityFiles());
        assertEquals("jump@bastion:22", web1.proxyJump());
        assertEquals("accept-new", web1.strictHostKeyChecking());
        assertEquals("/tmp/kh", web1.userKnownHostsFile());
        SshConfig.Entry web9 = c.lookup("web9");
        assertNull(web9.hostName());
        assertEquals("fallback", web9.user());
        assertEquals(-1, web9.port());
    }

    @Test
    void theFirstMatchingValueWins() throws Exception {
        SshConfig c = config("Host db\n  User first\nHost *\n  User second\n  Port 2200\n");
        assertEquals("first", c.lookup("db").user());
        assertEquals(2200, c.lookup("db").port());
    }

    @Test
    void aMissingFileIsAnEmptyConfig() {
        SshConfig.Entry e = SshConfig.load(dir.resolve("none")).lookup("x");
        assertNull(e.hostName());
        assertEquals(List.of(), e.identityFiles());
    }

    @Test
    void proxyCommandForTheHostIsRefused() throws Exception {
        SshConfig c = config("Host legacy\n  ProxyCommand ssh -W %h:%p bastion\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.lookup("legacy"));
        assertTrue(e.getMessage().contains("lvsplay does not support ProxyCommand"), e.getMessage());
        assertNull(c.lookup("other").proxyJump());
    }
}
