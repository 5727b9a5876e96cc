package io.lvsplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lvsplay.engine.inventory.ConnectionSettings;
import io.lvsplay.engine.ssh.HostKeyPolicy;
import io.lvsplay.engine.ssh.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which value wins, as ansible-playbook's command line and OpenSSH's config decide together. */
class SshTargetsTest {
    @TempDir
    Path dir;

    private SshTarget target(String host, Map<String, Object> vars) throws Exception {
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, """
                Host web1 10.9.9.9
                  HostName 10.0.0.11
                  User cfguser
                  Port 2201
                  IdentityFile /keys/web
                  ProxyJump jumper@bastion:2022
                  StrictHostKeyChecking no
                Host bastion
                  HostName 10.0.0.2
                  IdentityFile /keys/bastion
                """);
        Map<String, Object> all = new HashMap<>(vars);
        all.merge("ansible_ssh_common_args", "-F " + config, (a, b) -> b + " " + a);
        return new SshTargets(RunOptions.defaults()).of(host, ConnectionSettings.of(host, all));
    }

    @Test
    void theConfigBlockOfTheInventoryNameApplies() throws Exception {
        SshTarget t = target("web1", Map.of());
        assertEquals("10.0.0.11", t.address());
        assertEquals(2201, t.port());
        assertEquals("cfguser", t.user());
        assertEquals(Path.of("/keys/web"), t.moreKeys().get(0));
        assertEquals(HostKeyPolicy.OFF, t.hostKeyPolicy());
        SshTarget jump = t.jump();
        assertEquals("10.0.0.2", jump.address());
        assertEquals(2022, jump.port());
        assertEquals("jumper", jump.user());
        assertEquals(Path.of("/keys/bastion"), jump.moreKeys().get(0));
        assertNull(jump.jump());
    }

    @Test
    void inventoryVariablesWinOverTheConfig() throws Exception {
        SshTarget t = target("web1", Map.of("ansible_port", 22, "ansible_user", "inv"));
        assertEquals(22, t.port());
        assertEquals("inv", t.user());
        assertEquals("10.0.0.11", t.address());
    }

    @Test
    void sshArgsWinOverTheConfigButNotOverAnsiblePort() throws Exception {
        SshTarget t = target("web1", Map.of("ansible_ssh_common_args", "-o Port=2300 -o User=argsuser -o ProxyJump=none"));
        assertEquals(2300, t.port());
        assertEquals("argsuser", t.user());
        assertNull(t.jump());
        assertEquals(22, target("web1", Map.of("ansible_port", "22", "ansible_ssh_common_args", "-p 2300")).port());
    }

    @Test
    void blocksMatchAnsibleHostNotTheInventoryName() throws Exception {
        SshTarget t = target("other", Map.of("ansible_host", "10.9.9.9"));
        assertEquals("10.0.0.11", t.address());
        SshTarget plain = target("web1", Map.of("ansible_host", "192.0.2.1"));
        assertEquals("192.0.2.1", plain.address());
        assertEquals(22, plain.port());
        assertNull(plain.jump());
    }

    @Test
    void aChainOfJumpsIsReachedFirstHopFirst() throws Exception {
        SshTarget t = target("x", Map.of("ansible_host", "192.0.2.5", "ansible_ssh_common_args", "-J a@hop1,hop2:2200"));
        assertEquals("hop2", t.jump().address());
        assertEquals(2200, t.jump().port());
        assertEquals("hop1", t.jump().jump().address());
        assertEquals("a", t.jump().jump().user());
    }
}
