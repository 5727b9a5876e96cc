package io.lvsplay.it.modules2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabFixture;
import io.lvsplay.it.LvsplayRun;
import io.lvsplay.lab.Lab;
import io.lvsplay.lab.LabTopology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * script, file state=hard, lineinfile (BOF, backup, backrefs), blockinfile's multiline insertafter and
 * wait_for (match groups, drained) end to end: lvsplay on rs1, ansible-playbook with the same play on rs2.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Modules2LabTest {
    /** What both hosts must end with (backup names carry a time, so only their number counts). */
    private static final String STATE = "cat /opt/m2/conf /opt/m2/listener /opt/m2/marker;"
            + " stat -c '%h %a %U' /opt/m2/marker.hard; ls /opt/m2 | grep -c '~$'; true";
    private static Lab lab;
    private static Path dir;
    private static String inventory;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start("it-modules2", LabTopology.DR, 2, "10.250.20.0/24");
        dir = LabFixture.resources("it/modules2");
        inventory = lab.inventoryFile().toString();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private static LvsplayRun.Result lvsplay(String... extra) {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"run", "-i", inventory, "-l", "rs1", dir.resolve("modules2.yml").toString()}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        LvsplayRun.Result result = LvsplayRun.run(args);
        System.out.println(result.output());
        return result;
    }

    @Test
    @Order(1)
    void aFirstRunChangesAndShowsTheDiff() {
        LvsplayRun.Result first = lvsplay("--diff");
        assertEquals(0, first.exitCode(), first.output());
        // script, hard link, header, backrefs, block
        assertEquals(5, first.changed("rs1"), first.stdout());
        assertTrue(first.stdout().contains("+# managed"), "the lineinfile diff is shown");
        assertEquals("# managed\nworkers=4\nname=web\nSECTION =\n  (LIST =\n# BEGIN ANSIBLE MANAGED BLOCK\n    added\n"
                + "# END ANSIBLE MANAGED BLOCK\n    x\nmade the marker\n2 644 root\n1\n", lab.host("rs1").run(STATE));
    }

    @Test
    @Order(2)
    void aSecondRunChangesNothingAndSkipsTheScript() {
        LvsplayRun.Result second = lvsplay();
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(0, second.changed("rs1"), second.stdout());
        assertTrue(second.stdout().contains("skipping: [rs1]"), second.stdout());
    }

    @Test
    @Order(3)
    void checkModePredictsTheChangeAndLeavesTheHost() {
        lab.host("rs1").run("sed -i '/^# managed$/d' /opt/m2/conf");
        String before = lab.host("rs1").run(STATE);
        LvsplayRun.Result check = lvsplay("--check", "--diff");
        assertEquals(0, check.exitCode(), check.output());
        assertEquals(1, check.changed("rs1"), check.stdout());
        assertEquals(before, lab.host("rs1").run(STATE), "--check leaves the host as it was");
        assertEquals(0, lvsplay().exitCode());
    }

    @Test
    @Order(4)
    void ansiblePlaybookLeavesTheSameHostWithTheSameChangedCounts() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/ansible-playbook"))) {
            System.out.println("ansible-playbook not installed: comparison skipped");
            return;
        }
        assertTrue(ansible().matches("(?s).*rs2\\s+: ok=\\d+\\s+changed=5\\s.*"));
        // rs1 had one more backup from the check test's repair run
        assertEquals(lab.host("rs1").run(STATE).replaceAll("\n2\n$", "\n1\n"), lab.host("rs2").run(STATE));
        assertTrue(ansible().matches("(?s).*rs2\\s+: ok=\\d+\\s+changed=0\\s.*"));
    }

    private static String ansible() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ansible-playbook", "-i", inventory, "-l", "rs2", dir.resolve("modules2.yml").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        System.out.println(out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
