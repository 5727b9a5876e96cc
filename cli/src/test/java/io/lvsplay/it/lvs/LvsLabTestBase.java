package io.lvsplay.it.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import io.lvsplay.lab.Lab;
import io.lvsplay.lab.LabSpec;
import io.lvsplay.lab.LabTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One lab per mode (its own subnet), the site playbook applied once, then the checks every mode
 * shares, in order: verify (rr), idempotency, --check on a changed inventory, wrr 3:1, a stopped
 * real server. Subclasses name the topology and may add tests after these.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LvsLabTestBase {

    static final Path PLAYBOOKS = Repo.root().resolve("playbooks");

    Lab lab;
    LvsplayRun.Result firstRun;

    abstract LabTopology topology();

    /** A /24 no other test class uses. */
    abstract String lanSubnet();

    /** NAT's external network; other modes ignore it. */
    String wanSubnet() {
        return null;
    }

    @BeforeAll
    void upAndApplySite(@TempDir Path stateDir) {
        LabSpec.Builder spec = LabSpec.builder().name("it-lvs-" + topology().cliName()).topology(topology())
                .realServers(2).lanSubnet(lanSubnet()).scheduler("rr").stateDir(stateDir);
        if (wanSubnet() != null) {
            spec.wanSubnet(wanSubnet());
        }
        lab = Lab.up(spec.build());
        firstRun = run(lab.inventoryFile(), "site.yml");
        assertEquals(0, firstRun.exitCode(), firstRun.output());
    }

    @AfterAll
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    static LvsplayRun.Result run(Path inventory, String playbook, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "-i", inventory.toString(), PLAYBOOKS.resolve(playbook).toString()));
        args.addAll(List.of(more));
        return LvsplayRun.run(args.toArray(String[]::new));
    }

    static LvsplayRun.Result verify(Path inventory, String... more) {
        List<String> args = new ArrayList<>(List.of("verify", "-i", inventory.toString()));
        args.addAll(List.of(more));
        return LvsplayRun.run(args.toArray(String[]::new));
    }

    /** The "seen" column of the distribution table for a real server ("rs1 ... 10 50.0% up"). */
    static int seen(LvsplayRun.Result verify, String server) {
        Matcher m = Pattern.compile("\"" + server + " +\\S+ +\\d+ +\\S+ +(\\d+) ").matcher(verify.stdout());
        assertTrue(m.find(), "no distribution row for " + server + " in:\n" + verify.output());
        return Integer.parseInt(m.group(1));
    }

    /** The lab inventory with rs1 weighted 3 and the scheduler switched to wrr. */
    Path wrrInventory() throws IOException {
        String text = Files.readString(lab.inventoryFile())
                .replaceFirst("(?m)^(rs1 .*)rs_weight=1", "$1rs_weight=3")
                .replace("lvs_scheduler=rr", "lvs_scheduler=wrr");
        Path wrr = lab.inventoryFile().resolveSibling("inventory-wrr.ini");
        Files.writeString(wrr, text);
        return wrr;
    }

    String directorRules() {
        return lab.host("director").run("cat " + "/etc/ipvsadm.rules");
    }

    @Test
    @Order(1)
    void firstRunBuildsTheClusterWithTheAgentDataPlane() {
        assertTrue(firstRun.output().contains("data plane agent"), firstRun.output());
        assertTrue(firstRun.changed("director") > 0 && firstRun.changed("rs1") > 0, firstRun.stdout());
        String rules = directorRules();
        assertTrue(rules.contains("-A -t " + lab.vip() + ":80 -s rr"), rules);
        assertTrue(lab.host("director").run("/etc/init.d/lvsplay-agent status").contains("is running"));
    }

    @Test
    @Order(2)
    void verifySeesRoundRobinThroughTheVip() {
        LvsplayRun.Result v = verify(lab.inventoryFile());
        assertEquals(0, v.exitCode(), v.output());
        assertEquals(10, seen(v, "rs1"), v.stdout());
        assertEquals(10, seen(v, "rs2"), v.stdout());
        assertTrue(v.stdout().contains("list -n --stats"), "the director's view is printed:\n" + v.stdout());
    }

    @Test
    @Order(3)
    void secondRunChangesNothing() {
        LvsplayRun.Result again = run(lab.inventoryFile(), "site.yml");
        assertEquals(0, again.exitCode(), again.output());
        for (String host : List.of("director", "rs1", "rs2")) {
            assertEquals(0, again.changed(host), host + " changed on the second run:\n" + again.stdout());
        }
    }

    @Test
    @Order(4)
    void checkModeReportsTheWeightChangeAndAltersNothing() throws IOException {
        String before = directorRules();
        LvsplayRun.Result check = run(wrrInventory(), "site.yml", "--check");
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.changed("director") > 0, "the rules change is reported:\n" + check.stdout());
        assertEquals(0, check.changed("rs1"), check.stdout());
        assertEquals(before, directorRules(), "--check must not touch the director");
    }

    @Test
    @Order(5)
    void weightedRoundRobinFollowsTheWeights() throws IOException {
        Path wrr = wrrInventory();
        LvsplayRun.Result apply = run(wrr, "site.yml");
        assertEquals(0, apply.exitCode(), apply.output());
        assertTrue(directorRules().contains(" -w 3"), directorRules());
        LvsplayRun.Result v = verify(wrr, "--requests", "40");
        assertEquals(0, v.exitCode(), v.output());
        assertEquals(30, seen(v, "rs1"), v.stdout());
        assertEquals(10, seen(v, "rs2"), v.stdout());
        // back to rr for the tests after this one
        assertEquals(0, run(lab.inventoryFile(), "site.yml").exitCode());
    }

    @Test
    @Order(6)
    void aStoppedRealServerIsReportedAndTrafficGoesToTheOther() throws InterruptedException {
        lab.host("rs2").run("service nginx stop");
        try {
            // the agent's HTTP_GET check: delay_loop 3 s, one retry after 1 s
            Thread.sleep(7000);
            LvsplayRun.Result v = verify(lab.inventoryFile());
            assertEquals(2, v.exitCode(), v.output());
            assertTrue(v.output().contains("real server rs2") && v.output().contains("is DOWN"), v.output());
            assertTrue(v.stdout().contains("20 answered by real servers, 0 unanswered"), v.stdout());
            assertEquals(20, seen(v, "rs1"), v.stdout());
        } finally {
            lab.host("rs2").run("service nginx start");
        }
    }
}
