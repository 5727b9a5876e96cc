package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void bareHostUsesItsNameAndAnsibleDefaults() {
        ConnectionSettings settings = ConnectionSettings.of("rs1", Map.of());
        assertEquals(new ConnectionSettings("rs1", 22, null, null, null, false, "root", null, false, "", null, null, 0, 0, -1, -1, false, SshArgs.NONE), settings);
    }

    @Test
    void ansibleHostPortAndUserAreUsed() {
        ConnectionSettings settings = ConnectionSettings.of("director",
                Map.of("ansible_host", "10.10.10.11", "ansible_port", "2222", "ansible_user", "deploy"));
        assertEquals("10.10.10.11", settings.address());
        assertEquals(2222, settings.port());
        assertEquals("deploy", settings.user());
    }

    @Test
    void sshSpecificAliasWinsLikeInAnsible() {
        assertEquals("b", ConnectionSettings.of("h", Map.of("ansible_user", "a", "ansible_ssh_user", "b")).user());
    }

    @Test
    void keyAndPasswordsComeFromEitherSpelling() {
        ConnectionSettings settings = ConnectionSettings.of("h", Map.of(
                "ansible_ssh_private_key_file", "~/.ssh/lab", "ansible_ssh_pass", "pw", "ansible_become_pass", "sudo-pw"));
        assertEquals("~/.ssh/lab", settings.privateKeyFile());
        assertEquals("pw", settings.password());
        assertEquals("sudo-pw", settings.becomePassword());
    }

    @Test
    void becomeAcceptsAnsibleBooleanWords() {
        assertTrue(ConnectionSettings.of("h", Map.of("ansible_become", "yes")).become());
        assertTrue(ConnectionSettings.of("h", Map.of("ansible_become", true)).become());
        assertFalse(ConnectionSettings.of("h", Map.of("ansible_become", "False")).become());
    }

    @Test
    void becomeUserDefaultsToRootAndCanBeSet() {
        assertEquals("postgres", ConnectionSettings.of("h", Map.of("ansible_become_user", "postgres")).becomeUser());
    }

    @Test
    void localOnlyWithLocalConnection() {
        assertTrue(ConnectionSettings.of("box", Map.of("ansible_connection", "local")).local());
        assertFalse(ConnectionSettings.of("127.0.0.1", Map.of()).local());
    }

    @Test
    void sshArgsAreJoinedAndHostKeyOptionsParsed() {
        ConnectionSettings settings = ConnectionSettings.of("h", Map.of(
                "ansible_ssh_common_args", "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null",
                "ansible_ssh_extra_args", "-oConnectTimeout=5"));
        assertEquals("-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -oConnectTimeout=5", settings.sshCommonArgs());
        assertEquals("no", settings.strictHostKeyChecking());
        assertEquals("/dev/null", settings.knownHostsFile());
    }

    @Test
    void sshOptionsAcceptSpaceSeparatorAndAnyCase() {
        ConnectionSettings settings = ConnectionSettings.of("h", Map.of("ansible_ssh_common_args", "-o 'stricthostkeychecking accept-new'"));
        assertEquals("accept-new", settings.strictHostKeyChecking());
        assertNull(settings.knownHostsFile());
    }

    @Test
    void timeoutComesFromEitherVariable() {
        assertEquals(30, ConnectionSettings.of("h", Map.of("ansible_timeout", 30)).connectTimeout());
        assertEquals(5, ConnectionSettings.of("h", Map.of("ansible_timeout", 30, "ansible_ssh_timeout", "5")).connectTimeout());
    }

    @Test
    void nonNumericPortNamesHostAndVariable() {
        InventoryError error = assertThrows(InventoryError.class, () -> ConnectionSettings.of("rs1", Map.of("ansible_port", "ssh")));
        assertTrue(error.getMessage().contains("host 'rs1': ansible_port is 'ssh'"), error.getMessage());
    }

    @Test
    void nonBooleanBecomeIsRejected() {
        assertThrows(InventoryError.class, () -> ConnectionSettings.of("h", Map.of("ansible_become", "maybe")));
    }
}
