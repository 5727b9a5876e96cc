package io.lvsplay.it.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HA lab end to end: two directors with keepalived (unicast VRRP, nopreempt), the lvsplay agent
 * on both (the lab kernel has no ip_vs), two real servers, a client. The lab inventory's timing:
 * advert_int 1; checks delay_loop 3, connect_timeout 2, retry 1, delay_before_retry 1.
 * Measurements are printed as "HA-MEASURE ..." lines.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HaLabTest {

    static final Path PLAYBOOKS = HaTemplatesTest.REPO.resolve("playbooks");
    static final int ADVERT_INT = 1;
    static final int DELAY_LOOP = 3;
    static final int CONNECT_TIMEOUT = 2;
    static final int RETRY = 1;
    static final int DELAY_BEFORE_RETRY = 1;
    static final String LOOP = "/tmp/ha-loop";

    Lab lab;
    LvsplayRun.Result invalidRun;
    boolean confAfterInvalidRun;
    LvsplayRun.Result firstRun;

    @BeforeAll
    void upAndApply(@TempDir Path stateDir) throws IOException {
        lab = Lab.up(LabSpec.builder().name("it-ha").topology(LabTopology.HA).realServers(2)
                .lanSubnet("10.233.7.0/24").scheduler("rr").stateDir(stateDir).build());
        // validation first: a broken HA inventory must stop before any host changes
        Path bad = lab.inventoryFile().resolveSibling("inventory-bad.ini");
        Files.writeString(bad, Files.readString(lab.inventoryFile())
                .replace("director2 ansible_host=10.233.7.12", "director2 ansible_host=10.233.7.12 keepalived_priority=150 keepalived_router_id=52"));
        invalidRun = run(bad, "keepalived-ha.yml", "-e", "keepalived_auth_pass=longer8chars");
        confAfterInvalidRun = lab.host("director1").exec("test -e /etc/keepalived/keepalived.conf || test -e /opt/lvsplay").ok();
        firstRun = run(lab.inventoryFile(), "site.yml");
        assertEquals(0, firstRun.exitCode(), firstRun.output());
    }

    @AfterAll
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void anInconsistentPairIsRejectedBeforeAnyChange() {
        assertEquals(2, invalidRun.exitCode(), invalidRun.output());
        String out = invalidRun.output();
        assertTrue(out.contains("keepalived_auth_pass must be 1 to 8 characters"), out);
        assertTrue(out.contains("keepalived_router_id 52 differs from director1's 100"), out);
        assertFalse(out.contains("Gathering Facts"), "judged from the inventory alone, no host contacted:\n" + out);
        assertTrue(out.contains("directors director1 and director2 have the same keepalived_priority 150"), out);
        assertFalse(out.contains("longer8chars"), "the password is never printed:\n" + out);
        assertFalse(confAfterInvalidRun, "nothing may be installed when validation fails");
    }

    @Test
    @Order(2)
    void anInventoryWithoutHaSettingsMakesTheFirstDirectorMaster() {
        String conf1 = lab.host("director1").run("cat /etc/keepalived/keepalived.conf");
        String conf2 = lab.host("director2").run("cat /etc/keepalived/keepalived.conf");
        assertTrue(conf1.contains("keepalived_state here: MASTER") && conf1.contains("priority 150"), conf1);
        assertTrue(conf2.contains("keepalived_state here: BACKUP") && conf2.contains("priority 100"), conf2);
        // the VIP is 10.233.7.100: its last octet is the virtual_router_id
        assertTrue(conf1.contains("virtual_router_id 100") && conf2.contains("virtual_router_id 100"), conf2);
    }

    @Test
    @Order(2)
    void theMasterHoldsTheVipAndVerifyPasses() throws InterruptedException {
        awaitVip("director1", 10_000);
        assertFalse(hasVip("director2"), "only the MASTER holds the VIP");
        assertTrue(lab.host("director1").run("cat /etc/keepalived/keepalived.conf").contains("unicast_peer"));
        assertFalse(lab.host("director1").run("cat /etc/keepalived/keepalived.conf").contains("\nvirtual_server "),
                "with the agent data plane keepalived runs VRRP only");
        for (String d : List.of("director1", "director2")) {
            assertTrue(lab.host(d).run("/etc/init.d/lvsplay-agent status").contains("is running"), d);
        }
        LvsplayRun.Result v = verify();
        assertEquals(0, v.exitCode(), v.output());
        assertEquals(10, seen(v, "rs1"), v.stdout());
        assertEquals(10, seen(v, "rs2"), v.stdout());
    }

    @Test
    @Order(3)
    void aSecondRunChangesNothingAndKeepsTheVip() {
        assertSecondRunChangesNothing("director1");
    }

    @Test
    @Order(4)
    void diffNeverShowsTheVrrpPassword() {
        LvsplayRun.Result check = run(lab.inventoryFile(), "keepalived-ha.yml", "--check", "--diff",
                "-e", "keepalived_auth_pass=Zq7x9Kp2");
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("auth_pass ********"), check.output());
        assertFalse(check.output().contains("Zq7x9Kp2"), check.output());
        assertFalse(check.output().contains("lvsvrrp1"), "the current password neither:\n" + check.output());
        assertTrue(lab.host("director1").run("cat /etc/keepalived/keepalived.conf").contains("auth_pass lvsvrrp1"),
                "--check changes nothing");
    }

    @Test
    @Order(5)
    void stoppingKeepalivedOnTheMasterMovesTheVipAndTheClientKeepsGettingAnswers() throws InterruptedException {
        startClientLoop();
        Thread.sleep(2000);
        watchVip("director2");
        long stoppedAt = System.currentTimeMillis();
        lab.host("director1").run("/etc/init.d/keepalived stop");
        long vipAt = awaitWatchedVip("director2", 10_000);
        Thread.sleep(3000);
        List<long[]> requests = stopClientLoop();
        long takeover = vipAt - stoppedAt;
        int[] failed = failures(requests, stoppedAt - 1000, vipAt + 2000);
        System.out.printf("HA-MEASURE keepalived stop on the MASTER: VIP on director2 after %d ms; %d of %d requests failed in the switch window (%d of %d overall)%n",
                takeover, failed[0], failed[1], failures(requests, 0, Long.MAX_VALUE)[0], requests.size());
        assertTrue(takeover <= (3 * ADVERT_INT + 1) * 1000L, "takeover took " + takeover + " ms");
        assertFalse(hasVip("director1"), "a stopped keepalived releases the VIP");
        // measured 0 (a stopping keepalived sends priority 0, the backup takes over at once)
        assertTrue(failed[0] <= 2, failed[0] + " of " + failed[1] + " requests failed during the switch");
        // the gratuitous ARPs updated the client's neighbour entry for the VIP
        String mac = lab.host("director2").run("cat /sys/class/net/eth0/address").strip();
        assertTrue(lab.host("client").run("ip neigh show " + lab.vip()).contains(mac),
                lab.host("client").run("ip neigh show " + lab.vip()));
    }

    @Test
    @Order(6)
    void withNopreemptTheOldMasterDoesNotTakeTheVipBack() throws InterruptedException {
        lab.host("director1").run("/etc/init.d/keepalived start");
        Thread.sleep((3 * ADVERT_INT + 2) * 1000L);
        assertTrue(hasVip("director2"), "the VIP stays on director2");
        assertFalse(hasVip("director1"), "director1 (priority 150) came back as BACKUP");
        assertEquals(0, verify().exitCode());
    }

    @Test
    @Order(7)
    void aFrozenMasterIsReplacedWithinThreeAdverts() throws InterruptedException {
        startClientLoop();
        Thread.sleep(2000);
        watchVip("director1");
        long frozenAt = System.currentTimeMillis();
        lab.host("director2").pause();
        long vipAt;
        try {
            vipAt = awaitWatchedVip("director1", 10_000);
            Thread.sleep(3000);
        } finally {
            lab.host("director2").unpause();
        }
        List<long[]> requests = stopClientLoop();
        long takeover = vipAt - frozenAt;
        int[] failed = failures(requests, frozenAt - 1000, vipAt + 2000);
        System.out.printf("HA-MEASURE director2 (MASTER) frozen: VIP on director1 after %d ms; %d of %d requests failed in the switch window%n",
                takeover, failed[0], failed[1]);
        // master_down_interval = 3 x advert_int + skew (< 1 s)
        assertTrue(takeover <= (3 * ADVERT_INT + 1) * 1000L, "takeover took " + takeover + " ms");
        // every request (curl -m 1, one each 0.1 s) sent until the takeover fails: measured 3
        assertTrue(failed[0] <= 3 * ADVERT_INT + 2, failed[0] + " of " + failed[1] + " requests failed");
        // the thawed director sees the higher priority and gives the VIP up: no split brain
        Thread.sleep((ADVERT_INT + 2) * 1000L);
        assertFalse(hasVip("director2"), "director2 still holds the VIP after it was thawed");
        assertTrue(hasVip("director1"));
    }

    @Test
    @Order(8)
    void aStoppedRealServerLeavesWithinTheCheckTimeAndRejoins() throws InterruptedException {
        String holder = "director1";
        lab.host("rs2").run("service nginx stop");
        long stoppedAt = System.currentTimeMillis();
        try {
            long gone = awaitTable(holder, t -> !t.contains(rsAddress("rs2") + ":80"), 15_000) - stoppedAt;
            System.out.printf("HA-MEASURE rs2 stopped: out of the agent's table after %d ms%n", gone);
            long bound = (DELAY_LOOP + CONNECT_TIMEOUT * RETRY + DELAY_BEFORE_RETRY * RETRY) * 1000L;
            assertTrue(gone <= bound, "rs2 left after " + gone + " ms, bound " + bound);
            // the other director checks on its own and agrees
            awaitTable("director2", t -> !t.contains(rsAddress("rs2") + ":80"), 10_000);
            LvsplayRun.Result v = verify();
            assertEquals(2, v.exitCode(), v.output());
            assertTrue(v.output().contains("real server rs2") && v.output().contains("is DOWN"), v.output());
            assertTrue(v.stdout().contains("20 answered by real servers, 0 unanswered"), v.stdout());
            assertEquals(20, seen(v, "rs1"), v.stdout());
        } finally {
            lab.host("rs2").run("service nginx start");
        }
        long startedAt = System.currentTimeMillis();
        long back = awaitTable(holder, t -> t.contains(rsAddress("rs2") + ":80"), 15_000) - startedAt;
        System.out.printf("HA-MEASURE rs2 started: back in the agent's table after %d ms%n", back);
        assertTrue(back <= (DELAY_LOOP + 1) * 1000L, "rs2 rejoined after " + back + " ms");
        LvsplayRun.Result v = verify();
        assertEquals(0, v.exitCode(), v.output());
        assertEquals(10, seen(v, "rs2"), v.stdout());
    }

    @Test
    @Order(9)
    void withEveryRealServerDownTheSorryServerAnswers() throws InterruptedException {
        lab.host("rs1").run("service nginx stop");
        lab.host("rs2").run("service nginx stop");
        try {
            awaitTable("director1", t -> t.contains("127.0.0.1:8081"), 15_000);
            String body = lab.host("client").run("curl -s -m 3 http://" + lab.vip() + "/");
            assertTrue(body.startsWith("Sorry, the service is down (director1)"), body);
        } finally {
            lab.host("rs1").run("service nginx start");
            lab.host("rs2").run("service nginx start");
        }
        awaitTable("director1", t -> t.contains(rsAddress("rs1") + ":80") && t.contains(rsAddress("rs2") + ":80"), 15_000);
        assertTrue(lab.host("client").run("curl -s -m 3 http://" + lab.vip() + "/").startsWith("Real Server"));
    }

    @Test
    @Order(10)
    void afterTheFailoversARunStillChangesNothingAndKeepsTheVip() {
        assertSecondRunChangesNothing("director1");
    }

    // ------------------------------------------------------------------------------------------

    void assertSecondRunChangesNothing(String holder) {
        assertTrue(hasVip(holder));
        LvsplayRun.Result again = run(lab.inventoryFile(), "site.yml");
        assertEquals(0, again.exitCode(), again.output());
        for (String host : List.of("director1", "director2", "rs1", "rs2")) {
            assertEquals(0, again.changed(host), host + " changed on the second run:\n" + again.stdout());
        }
        assertTrue(hasVip(holder), "the VIP stays on " + holder);
        assertEquals(1, lab.hosts().stream().filter(h -> h.name().startsWith("director") && hasVip(h.name())).count());
    }

    static LvsplayRun.Result run(Path inventory, String playbook, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "-i", inventory.toString(), PLAYBOOKS.resolve(playbook).toString()));
        args.addAll(List.of(more));
        return LvsplayRun.run(args.toArray(String[]::new));
    }

    LvsplayRun.Result verify() {
        return LvsplayRun.run("verify", "-i", lab.inventoryFile().toString());
    }

    static int seen(LvsplayRun.Result verify, String server) {
        Matcher m = Pattern.compile("\"" + server + " +\\S+ +\\d+ +\\S+ +(\\d+) ").matcher(verify.stdout());
        assertTrue(m.find(), "no distribution row for " + server + " in:\n" + verify.output());
        return Integer.parseInt(m.group(1));
    }

    String rsAddress(String rs) {
        return lab.host(rs).address();
    }

    boolean hasVip(String director) {
        return lab.host(director).run("ip -o -4 addr show dev eth0").contains(" " + lab.vip() + "/32");
    }

    void awaitVip(String director, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!hasVip(director)) {
            assertTrue(System.currentTimeMillis() < end, director + " did not get the VIP");
            Thread.sleep(200);
        }
    }

    /** A loop on the director that writes the time (ms) the VIP appears: docker exec is too slow to poll. */
    void watchVip(String director) {
        lab.host(director).run("rm -f /tmp/vip-at; (while ! ip -o -4 addr show dev eth0 | grep -q ' " + lab.vip()
                + "/32'; do sleep 0.02; done; date +%s%3N > /tmp/vip-at.tmp; mv /tmp/vip-at.tmp /tmp/vip-at)"
                + " >/dev/null 2>&1 </dev/null &");
    }

    long awaitWatchedVip(String director, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (true) {
            var r = lab.host(director).exec("cat /tmp/vip-at");
            if (r.ok() && !r.stdout().isBlank()) {
                return Long.parseLong(r.stdout().strip());
            }
            assertTrue(System.currentTimeMillis() < end, director + " did not take the VIP over");
            Thread.sleep(100);
        }
    }

    /** The agent's table on a director, polled until it matches; returns the time it did. */
    long awaitTable(String director, java.util.function.Predicate<String> test, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (true) {
            String table = lab.host(director).run("java -jar /opt/lvsplay/lvsplay-agent.jar list -n");
            if (test.test(table)) {
                return System.currentTimeMillis();
            }
            assertTrue(System.currentTimeMillis() < end, "the table of " + director + " never matched:\n" + table);
            Thread.sleep(250);
        }
    }

    /** A request every 100 ms from the client (curl -m 1), one line each: "epoch-ms body-or-FAIL". */
    void startClientLoop() {
        lab.host("client").run("cat > " + LOOP + ".sh <<'EOF'\n"
                + "while [ ! -e " + LOOP + ".stop ]; do\n"
                + "  t=$(date +%s%3N)\n"
                + "  r=$(curl -s -m 1 http://" + lab.vip() + "/ 2>/dev/null | head -n 1)\n"
                + "  echo \"$t ${r:-FAIL}\"\n"
                + "  sleep 0.1\n"
                + "done\n"
                + "echo done\n"
                + "EOF\n"
                + "rm -f " + LOOP + ".stop " + LOOP + ".log; (sh " + LOOP + ".sh > " + LOOP + ".log 2>&1 </dev/null &)");
    }

    /** Stops the loop and returns [time, failed?1:0] per request. */
    List<long[]> stopClientLoop() throws InterruptedException {
        lab.host("client").run("touch " + LOOP + ".stop");
        for (int i = 0; i < 30 && !lab.host("client").run("tail -n 1 " + LOOP + ".log").startsWith("done"); i++) {
            Thread.sleep(100);
        }
        List<long[]> requests = new ArrayList<>();
        for (String line : lab.host("client").run("cat " + LOOP + ".log").split("\n")) {
            String[] f = line.split(" ", 2);
            if (f.length == 2 && f[0].matches("[0-9]+")) {
                requests.add(new long[] {Long.parseLong(f[0]), f[1].startsWith("Real Server") ? 0 : 1});
            }
        }
        assertTrue(requests.size() > 20, "the client loop ran: " + requests.size() + " requests");
        return requests;
    }

    /** {failed, sent} among the requests started in [from, to]. */
    static int[] failures(List<long[]> requests, long from, long to) {
        int failed = 0;
        int sent = 0;
        for (long[] r : requests) {
            if (r[0] >= from && r[0] <= to) {
                sent++;
                failed += (int) r[1];
            }
        }
        return new int[] {failed, sent};
    }
}
