package io.lvsplay.it.modfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabFixture;
import io.lvsplay.it.LabHostContainer;
import io.lvsplay.it.LabInventory;
import io.lvsplay.it.LabTestNetwork;
import io.lvsplay.it.LvsplayRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.lifecycle.Startables;

/**
 * user, group and slurp over real SSH: the first run changes, --check after a change changes
 * nothing, the second run changes nothing, and ansible-playbook (when installed) leaves the same
 * account databases on the sibling real server.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class AccountsLabTest {
    private static LabTestNetwork network;
    private static LabHostContainer rs1;
    private static LabHostContainer rs2;
    private static String inventory;
    private static Path playbook;

    @BeforeAll
    static void startHosts() throws Exception {
        LabFixture.ensureImage();
        LabInventory access = LabInventory.in(Files.createTempDirectory("lvsplay-it-modfiles"));
        network = LabTestNetwork.create("lvsplay-modfiles", "10.250.5.0/24");
        rs1 = new LabHostContainer("rs1").onNetwork(network).withAuthorizedKey(access.publicKey());
        rs2 = new LabHostContainer("rs2").onNetwork(network).withAuthorizedKey(access.publicKey());
        Startables.deepStart(rs1, rs2).join();
        inventory = access.write(Map.of("realservers", List.of(rs1, rs2))).toString();
        playbook = LabFixture.resources("it/modfiles").resolve("accounts.yml");
    }

    @AfterAll
    static void stopHosts() {
        LabFixture.stopAll(network, rs1, rs2);
    }

    private static LvsplayRun.Result lvsplay(String... extra) {
        return lvsplay(playbook, extra);
    }

    private static LvsplayRun.Result lvsplay(Path book, String... extra) {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"run", "-i", inventory, book.toString(), "-e", "target=rs1"}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        LvsplayRun.Result r = LvsplayRun.run(args);
        System.out.println(r.output());
        return r;
    }

    private static String onHost(LabHostContainer host, String command) {
        return host.execResult(command).getStdout();
    }

    private static final String ACCOUNTS = "getent passwd ituser | cut -d: -f3-7; getent group itgroup itsys users"
            + " | cut -d: -f1,3,4 | sed 's/:[0-9]*:/:/; s/^itsys:[0-9]*/itsys/'; getent shadow ituser | cut -d: -f2;"
            + " ls /home/ituser/.ssh";

    @Test
    void accountsConvergeAndASecondRunChangesNothing() throws Exception {
        LvsplayRun.Result check = lvsplay(playbook.resolveSibling("check.yml"), "--check");
        assertEquals(0, check.exitCode(), check.output());
        assertEquals(2, check.changed("rs1"), check.output());
        assertEquals("", onHost(rs1, "getent passwd itcheck; getent group itcheckgroup"), "--check changed the host");

        LvsplayRun.Result first = lvsplay();
        assertEquals(0, first.exitCode(), first.output());
        assertEquals(4, first.changed("rs1"), first.output());
        assertTrue(!first.output().contains("$6$saltsalt"), "the password hash was printed");

        LvsplayRun.Result second = lvsplay();
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(0, second.changed("rs1"), second.output());

        String lvsplayAccounts = onHost(rs1, ACCOUNTS);
        assertTrue(lvsplayAccounts.contains("2345:2345:IT user:/home/ituser:/bin/sh"), lvsplayAccounts);
        if (Files.isExecutable(Path.of("/usr/bin/ansible-playbook"))) {
            Process p = new ProcessBuilder("ansible-playbook", "-i", inventory, playbook.toString(), "-e", "target=rs2")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertTrue(out.contains("changed=4"), out);
            assertEquals(lvsplayAccounts, onHost(rs2, ACCOUNTS));
        }
    }
}
