package io.lvsplay.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ansible.cfg lookup and ANSIBLE_* precedence, as Ansible 2.14 does them. */
class AnsibleConfigTest {
    @TempDir
    Path dir;

    private Path cwd() throws IOException {
        return Files.createDirectories(dir.resolve("project"));
    }

    private Path home() throws IOException {
        return Files.createDirectories(dir.resolve("home"));
    }

    @Test
    void theWorkingDirectoryFileIsReadWithItsOptions() throws IOException {
        Files.writeString(cwd().resolve("ansible.cfg"), "[defaults]\nforks = 20\nremote_user: deploy ; inline comment\n"
                + "inventory = hosts.ini,other.ini\n[privilege_escalation]\nbecome = True\n");
        AnsibleConfig config = AnsibleConfig.load(Map.of(), cwd(), home());
        assertEquals(Optional.of(20), config.integer(Setting.FORKS));
        assertEquals(Optional.of("deploy"), config.string(Setting.REMOTE_USER));
        assertEquals(Optional.of(true), config.bool(Setting.BECOME));
        assertEquals(List.of(cwd().resolve("hosts.ini"), cwd().resolve("other.ini")), config.paths(Setting.INVENTORY, ","));
    }

    @Test
    void environmentVariablesOverrideTheFile() throws IOException {
        Files.writeString(cwd().resolve("ansible.cfg"), "[defaults]\nforks = 20\n");
        AnsibleConfig config = AnsibleConfig.load(Map.of("ANSIBLE_FORKS", "3"), cwd(), home());
        assertEquals(Optional.of(3), config.integer(Setting.FORKS));
    }

    @Test
    void ansibleConfigVariableWinsOverTheWorkingDirectory() throws IOException {
        Files.writeString(cwd().resolve("ansible.cfg"), "[defaults]\nforks = 20\n");
        Path named = Files.writeString(dir.resolve("named.cfg"), "[defaults]\nforks = 7\n");
        AnsibleConfig config = AnsibleConfig.load(Map.of("ANSIBLE_CONFIG", named.toString()), cwd(), home());
        assertEquals(Optional.of(named), config.file());
        assertEquals(Optional.of(7), config.integer(Setting.FORKS));
    }

    @Test
    void homeFileIsUsedWhenTheWorkingDirectoryHasNone() throws IOException {
        Files.writeString(home().resolve(".ansible.cfg"), "[defaults]\ntimeout = 33\n");
        assertEquals(Optional.of(33), AnsibleConfig.load(Map.of(), cwd(), home()).integer(Setting.TIMEOUT));
    }

    @Test
    void aWorldWritableWorkingDirectoryIsNotAConfigSource() throws IOException {
        Files.writeString(cwd().resolve("ansible.cfg"), "[defaults]\nforks = 20\n");
        Files.setPosixFilePermissions(cwd(), PosixFilePermissions.fromString("rwxrwxrwx"));
        AnsibleConfig config = AnsibleConfig.load(Map.of(), cwd(), home());
        assertEquals(Optional.empty(), config.integer(Setting.FORKS));
        assertTrue(config.warnings().get(0).contains("world writable directory"), config.warnings().toString());
    }

    @Test
    void unknownOptionsAndOpenSshTuningAreReportedWithFileAndLine() throws IOException {
        Path cfg = Files.writeString(cwd().resolve("ansible.cfg"),
                "[defaults]\nstdout_callback = yaml\n[ssh_connection]\npipelining = True\n");
        List<String> warnings = AnsibleConfig.load(Map.of(), cwd(), home()).warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("stdout_callback (" + cfg + ":2) is not supported by lvsplay"), warnings.get(0));
        assertTrue(warnings.get(1).contains("pipelining (" + cfg + ":4) only tunes OpenSSH"), warnings.get(1));
    }

    @Test
    void aBadBooleanNamesWhereItCameFrom() throws IOException {
        Path cfg = Files.writeString(cwd().resolve("ansible.cfg"), "[defaults]\nhost_key_checking = perhaps\n");
        ConfigError e = assertThrows(ConfigError.class,
                () -> AnsibleConfig.load(Map.of(), cwd(), home()).bool(Setting.HOST_KEY_CHECKING));
        assertTrue(e.getMessage().startsWith(cfg + ":2: host_key_checking must be a boolean"), e.getMessage());
    }

    @Test
    void anOptionOutsideASectionIsAnError() throws IOException {
        Files.writeString(cwd().resolve("ansible.cfg"), "forks = 3\n");
        ConfigError e = assertThrows(ConfigError.class, () -> AnsibleConfig.load(Map.of(), cwd(), home()));
        assertTrue(e.getMessage().contains("ansible.cfg:1: option outside any [section]"), e.getMessage());
    }
}
