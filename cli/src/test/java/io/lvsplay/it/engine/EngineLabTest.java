package io.lvsplay.it.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabFixture;
import io.lvsplay.it.LvsplayRun;
import io.lvsplay.lab.Lab;
import io.lvsplay.lab.LabTopology;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Real playbooks over real SSH against lab containers: the engine end to end. */
@EnabledIfSystemProperty(named = "lab", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineLabTest {
    private static Lab lab;
    private static Path dir;
    private static String inventory;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start("it-engine", LabTopology.DR, 2, "10.232.1.0/24");
        dir = LabFixture.resources("it/engine");
        inventory = lab.inventoryFile().toString();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private static LvsplayRun.Result run(String playbook, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "run";
        args[1] = "-i";
        args[2] = inventory;
        args[3] = dir.resolve(playbook).toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        LvsplayRun.Result result = LvsplayRun.run(args);
        System.out.println(result.output());
        return result;
    }

    @Test
    @Order(1)
    void everyModuleAppliesThenASecondRunChangesNothing() {
        LvsplayRun.Result first = run("all-modules.yml");
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.changed("rs1") > 5, "the first run changes the fresh host");
        assertEquals(1, first.recapValue("rs1", "rescued"));
        assertEquals(1, first.recapValue("rs1", "ignored"));
        assertTrue(first.stdout().contains("RUNNING HANDLER [marker]"));
        assertFalse(first.output().contains("s3cr3t-value"), "secrets never appear in output");
        assertEquals("hello rs1", lab.host("rs1").run("cat /opt/it/hello.txt").trim());
        assertEquals("2", lab.host("rs2").run("sysctl -n net.ipv4.conf.all.arp_announce").trim());
        assertTrue(lab.host("rs1").run("cat /opt/it/app.conf").contains("backend rs2 10.232.1.13:80 weight=1"));

        LvsplayRun.Result second = run("all-modules.yml");
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(0, second.changed("rs1"), second.stdout());
        assertEquals(0, second.changed("rs2"), second.stdout());
        assertFalse(second.stdout().contains("RUNNING HANDLER"), "no change, no handler");
        assertEquals("1", lab.host("rs1").run("grep -c arp_announce /etc/sysctl.d/90-it.conf").trim(),
                "one line per key after two runs");
    }

    @Test
    @Order(2)
    void diffShowsTheChangeAndHidesTheSecret() {
        LvsplayRun.Result result = run("all-modules.yml", "--diff", "--check", "-e", "app_port=9090");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.stdout().contains("-listen 8081"), result.stdout());
        assertTrue(result.stdout().contains("+listen 9090"), result.stdout());
        assertFalse(result.stdout().contains("s3cr3t-value"));
        assertTrue(lab.host("rs1").run("cat /opt/it/app.conf").contains("listen 8081"), "check mode changed nothing");
    }

    @Test
    @Order(3)
    void checkVerboseListsTheCommandsARunWouldExecuteAndTheHostStaysAsItWas() {
        String before = lab.host("rs1").run("ls -l --time-style=+%s /opt /etc/sysctl.d");
        LvsplayRun.Result result = run("check-mode.yml", "--check", "-v");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.stdout().contains("would run on [rs1]:\n  write /opt/check-mode.txt (19 bytes, mode "),
                result.stdout());
        assertTrue(result.stdout().contains("  write /etc/sysctl.d/91-check.conf ("), result.stdout());
        assertEquals(before, lab.host("rs1").run("ls -l --time-style=+%s /opt /etc/sysctl.d"), "nothing was written");
        assertFalse(lab.host("rs1").exec("test -e /opt/check-mode.txt").ok());
    }

    @Test
    @Order(3)
    void checkModeReportsChangesAndAltersNothing() {
        LvsplayRun.Result result = run("check-mode.yml", "--check");
        assertEquals(0, result.exitCode(), result.output());
        assertEquals(2, result.changed("rs1"));
        assertFalse(lab.host("rs1").exec("test -e /opt/check-mode.txt").ok());
        assertFalse(lab.host("rs1").exec("test -e /etc/sysctl.d/91-check.conf").ok());
    }

    @Test
    @Order(4)
    void becomeRunsTheTaskAsAnotherUser() {
        LvsplayRun.Result result = run("become.yml");
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    @Order(5)
    void anUndefinedVariableStopsTheRunBeforeAnyHostIsTouched() {
        LvsplayRun.Result result = run("undefined-var.yml");
        assertEquals(5, result.exitCode(), result.output());
        assertTrue(result.stderr().contains("undefined-var.yml:"), result.stderr());
        assertTrue(result.stderr().contains("'no_such_variable' is undefined"), result.stderr());
        assertFalse(lab.host("rs1").exec("test -e /opt/must-not-exist.txt").ok());
    }

    @Test
    @Order(6)
    void aSyntaxErrorNamesFileAndLine() {
        LvsplayRun.Result result = run("syntax-error.yml");
        assertEquals(5, result.exitCode());
        // Ansible's layout: the message on the ERROR! line, then where it is
        assertTrue(result.stderr().matches("(?s).*ERROR! YAML syntax error.*The error appears to be in '[^']*syntax-error.yml:\\d+'.*"),
                result.stderr());
    }

    @Test
    @Order(7)
    void anUnknownModuleSuggestsTheRightName() {
        LvsplayRun.Result result = run("unknown-module.yml");
        assertEquals(5, result.exitCode());
        assertTrue(result.stderr().contains("unknown-module.yml:4"), result.stderr());
        assertTrue(result.stderr().contains("lineinfile"), result.stderr());
    }

    @Test
    @Order(8)
    void aHostThatGoesAwayIsUnreachableAndTheOthersFinish() throws Exception {
        CompletableFuture<LvsplayRun.Result> running = CompletableFuture.supplyAsync(() -> run("goes-away.yml"));
        long deadline = System.currentTimeMillis() + 20_000;
        while (!lab.host("rs2").exec("test -e /tmp/started").ok() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        lab.host("rs2").stop();
        LvsplayRun.Result result = running.get(60, TimeUnit.SECONDS);
        try {
            assertEquals(4, result.exitCode(), result.output());
            assertTrue(result.stdout().contains("fatal: [rs2]: UNREACHABLE!"), result.stdout());
            assertEquals(2, result.recapValue("rs1", "ok"), result.stdout());
            assertEquals(1, result.recapValue("rs2", "unreachable"), result.stdout());
        } finally {
            lab.host("rs2").start();
        }
    }
}
