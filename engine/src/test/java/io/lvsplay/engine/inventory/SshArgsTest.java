package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SshArgsTest {

    @Test
    void proxyJumpComesFromDashOAndFromDashJ() {
        assertEquals("bob@bastion:2222", SshArgs.parse("h", "v", "-o ProxyJump=bob@bastion:2222").option("ProxyJump"));
        assertEquals("bastion", SshArgs.parse("h", "v", "-J bastion").option("proxyjump"));
        assertEquals("b1", SshArgs.parse("h", "v", "-oProxyJump=b1 -J b2").option("ProxyJump"), "ssh keeps the first value");
    }

    @Test
    void optionsOnlyForTheOpenSshProcessAreAccepted() {
        SshArgs args = SshArgs.parse("h", "v", "-C -o ControlMaster=auto -o ControlPersist=60s -o 'ServerAliveInterval 5'");
        assertEquals("5", args.option("ServerAliveInterval"));
    }

    @Test
    void identityFilesAndConfigFileAreRead() {
        SshArgs args = SshArgs.parse("h", "v", "-i ~/.ssh/a -o IdentityFile=/k/b -F /etc/my_ssh_config");
        assertEquals(List.of("~/.ssh/a", "/k/b"), args.identities());
        assertEquals("/etc/my_ssh_config", args.configFile());
    }

    @Test
    void anOptionLvsplayDoesNotImplementIsRefusedNamingHostAndVariable() {
        InventoryError e = assertThrows(InventoryError.class,
                () -> SshArgs.parse("web1", "ansible_ssh_extra_args", "-o ProxyCommand='nc %h %p'"));
        assertTrue(e.getMessage().contains("host 'web1': ansible_ssh_extra_args: lvsplay does not support"), e.getMessage());
        assertTrue(e.getMessage().contains("ProxyCommand"), e.getMessage());
        assertThrows(InventoryError.class, () -> SshArgs.parse("h", "v", "-L 8080:localhost:80"));
        assertThrows(InventoryError.class, () -> SshArgs.parse("h", "v", "-o ForwardAgent=yes"));
    }

    @Test
    void anOptionThatIsOnlySwitchedOffIsAccepted() {
        assertNull(SshArgs.parse("h", "v", "-o ForwardAgent=no -o GSSAPIAuthentication=no").option("ForwardAgent"));
    }

    @Test
    void commonArgsComeBeforeExtraArgsAsOnAnsiblesCommandLine() {
        SshArgs args = ConnectionSettings.sshArgs("h", Map.of("ansible_ssh_common_args", "-o Port=1",
                "ansible_ssh_extra_args", "-o Port=2 -o User=x"));
        assertEquals("1", args.option("port"));
        assertEquals("x", args.option("user"));
    }
}
