package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ansible.cfg and ANSIBLE_* as a run sees them, read once by the CLI. */
class AnsibleConfigRunTest {
    @TempDir
    Path dir;

    private Path playbook() throws IOException {
        Files.writeString(dir.resolve("hosts.ini"), "[web]\nh1 ansible_connection=local\n");
        return Files.writeString(dir.resolve("pb.yml"), "- hosts: web\n  gather_facts: false\n  tasks:\n"
                + "    - debug: msg=hello\n");
    }

    @Test
    void inventoryComesFromAnsibleCfgRelativeToIt() throws IOException {
        Path pb = playbook();
        Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\ninventory = hosts.ini\n");
        LvsplayRun.Result r = CliRun.run(Map.of(), dir, "run", pb.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("ok: [h1]"), r.stdout());
    }

    @Test
    void ansibleInventoryDevNullGivesNoHosts() throws IOException {
        Path pb = playbook();
        LvsplayRun.Result r = CliRun.run(Map.of("ANSIBLE_INVENTORY", "/dev/null"), dir, "run", pb.toString(), "--list-hosts");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("hosts (0):"), r.stdout());
    }

    @Test
    void unknownAndOpenSshOptionsAreNotedOnceWithFileAndLine() throws IOException {
        Path pb = playbook();
        Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\ninventory = hosts.ini\nstdout_callback = yaml\n"
                + "[ssh_connection]\npipelining = True\n");
        LvsplayRun.Result r = CliRun.run(Map.of(), dir, "run", pb.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("[WARNING]: [defaults] stdout_callback (" + dir.resolve("ansible.cfg") + ":3)"), r.stderr());
        assertTrue(r.stderr().contains("pipelining (" + dir.resolve("ansible.cfg") + ":5) only tunes OpenSSH"), r.stderr());
    }

    @Test
    void becomeMethodOtherThanSudoIsRefusedNotRunAsSudo() throws IOException {
        Path pb = playbook();
        Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\ninventory = hosts.ini\n[privilege_escalation]\nbecome_method = su\n");
        LvsplayRun.Result r = CliRun.run(Map.of(), dir, "run", pb.toString());
        assertEquals(5, r.exitCode());
        assertTrue(r.stderr().contains("ansible.cfg:4: become_method = su: lvsplay does not support"), r.stderr());
        assertFalse(r.stdout().contains("ok: [h1]"));
    }

    @Test
    void aBadForksValueNamesTheVariable() throws IOException {
        Path pb = playbook();
        LvsplayRun.Result r = CliRun.run(Map.of("ANSIBLE_FORKS", "lots"), dir, "run", "-i", dir.resolve("hosts.ini").toString(), pb.toString());
        assertEquals(5, r.exitCode());
        assertTrue(r.stderr().contains("ANSIBLE_FORKS: forks must be a whole number, not 'lots'"), r.stderr());
    }

    @Test
    void badExtraVarsJsonSaysWhatIsWrongWithoutAParserDump() throws IOException {
        Path pb = playbook();
        LvsplayRun.Result r = CliRun.run(Map.of(), dir, "run", "-i", dir.resolve("hosts.ini").toString(), pb.toString(),
                "-e", "{\"a\": 1");
        assertEquals(5, r.exitCode());
        assertTrue(r.stderr().startsWith("ERROR! Invalid extra vars data supplied: -e '{\"a\": 1' is not valid JSON or YAML"), r.stderr());
        assertFalse(r.stderr().contains("^"), r.stderr());
    }
}
