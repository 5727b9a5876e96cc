package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** host_vars/ beside the playbook reach the implicit localhost too, as in Ansible. */
class PlaybookHostVarsTest {
    @TempDir
    Path dir;

    @Test
    void theImplicitLocalhostHasTheHostVarsBesideThePlaybook() throws Exception {
        Files.createDirectories(dir.resolve("host_vars"));
        Files.writeString(dir.resolve("host_vars/localhost"), "beside_playbook: 7\n");
        Files.writeString(dir.resolve("inventory.ini"), "[web]\nh1 ansible_connection=local\n");
        Files.writeString(dir.resolve("site.yml"), """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug: msg="value={{ beside_playbook }}"
                """);
        LvsplayRun.Result r = LvsplayRun.run("run", "-i", dir.resolve("inventory.ini").toString(),
                dir.resolve("site.yml").toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("\"msg\": \"value=7\""), r.stdout());
    }
}
