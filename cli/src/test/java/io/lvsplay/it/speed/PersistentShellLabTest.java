package io.lvsplay.it.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabFixture;
import io.lvsplay.it.LvsplayRun;
import io.lvsplay.lab.Lab;
import io.lvsplay.lab.LabTopology;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The kept shell against real sshd and sudo: one shell per host and become user, exit codes, files. */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class PersistentShellLabTest {
    private static Lab lab;
    private static Path dir;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start("speed", LabTopology.DR, 2, "10.250.7.0/24");
        dir = LabFixture.resources("it/speed");
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void tasksShareOneShellPerHostAndBecomeUserAndReRunsChangeNothing() {
        LvsplayRun.Result first = LvsplayRun.run("run", "-i", lab.inventoryFile().toString(),
                dir.resolve("kept-shell.yml").toString());
        System.out.println(first.output());
        assertEquals(0, first.exitCode(), first.output());
        assertEquals("line one\nline two\n", lab.host("rs1").run("cat /opt/kept-shell.txt"));
        assertEquals("600", lab.host("rs1").run("stat -c %a /opt/kept-shell.txt").trim());
        assertTrue(!first.output().contains("cannot keep a shell open"), first.output());

        LvsplayRun.Result second = LvsplayRun.run("run", "-i", lab.inventoryFile().toString(),
                dir.resolve("kept-shell.yml").toString());
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(0, second.changed("rs1"), second.stdout());
    }
}
