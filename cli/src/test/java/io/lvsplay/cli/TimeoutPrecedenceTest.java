package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvsplay.engine.config.AnsibleConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connect deadline as Ansible 2.14's ssh plugin resolves its timeout option: --timeout over
 * ANSIBLE_TIMEOUT over ansible.cfg [defaults] timeout over 10 (host vars ansible_timeout /
 * ansible_ssh_timeout win over all of these: SshTargets, ConnectionSettingsTest).
 */
class TimeoutPrecedenceTest {
    @TempDir
    Path dir;

    private int timeout(Integer cli, Map<String, String> env, String cfg) throws IOException {
        Path cwd = Files.createDirectories(dir.resolve("project"));
        if (cfg != null) {
            Files.writeString(cwd.resolve("ansible.cfg"), cfg);
        }
        ConnectionOptions options = new ConnectionOptions();
        options.timeout = cli;
        return options.timeout(AnsibleConfig.load(env, cwd, Files.createDirectories(dir.resolve("home"))));
    }

    @Test
    void withNothingSetTheDeadlineIsTenSeconds() throws IOException {
        assertEquals(10, timeout(null, Map.of(), null));
    }

    @Test
    void ansibleCfgTimeoutIsUsed() throws IOException {
        assertEquals(3, timeout(null, Map.of(), "[defaults]\ntimeout = 3\n"));
    }

    @Test
    void ansibleTimeoutInTheEnvironmentWinsOverAnsibleCfg() throws IOException {
        assertEquals(7, timeout(null, Map.of("ANSIBLE_TIMEOUT", "7"), "[defaults]\ntimeout = 3\n"));
    }

    @Test
    void theCommandLineWinsOverTheEnvironmentAndAnsibleCfg() throws IOException {
        assertEquals(5, timeout(5, Map.of("ANSIBLE_TIMEOUT", "7"), "[defaults]\ntimeout = 3\n"));
    }
}
