package io.lvsplay.it.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabFixture;
import io.lvsplay.it.LvsplayRun;
import io.lvsplay.lab.LabSpec;
import io.lvsplay.lab.LabTopology;
import io.lvsplay.lab.vm.VmImage;
import io.lvsplay.lab.vm.VmLab;
import io.lvsplay.lab.vm.VmLabOptions;
import java.nio.file.Path;
import java.time.Duration;
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
 * The seeds' heartbeat + ldirectord stack with kernel IPVS, on the VM lab (HA topology: director1 .11,
 * director2 .12, rs1 .13, rs2 .14, client .200): playbooks/heartbeat-ha.yml; heartbeat (ucast, sha1,
 * realtime on: a VM may raise its priority) makes director1 active, IPaddr2 gives it the VIP and
 * ldirectord 4.12 fills the kernel's IPVS table with ipvsadm (no agent, no diversion). The mirror of the
 * container lab's HeartbeatLabTest. Timing as in the role defaults: keepalive 1, deadtime 5; checks
 * checkinterval 3, negotiatetimeout 2, failurecount 2.
 *
 * As in KeepalivedVmTest every time is measured within one VM (clocks differ by up to a second, an ssh
 * command takes about a second under emulation) and printed as "HA-VM-MEASURE ..." lines. ldirectord
 * changes the table one ipvsadm call at a time, so a table read while it works can lack the service
 * line: every count is read only once the expected service line is there. Slow: -Dvmlab=true.
 */
@EnabledIfSystemProperty(named = "vmlab", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeartbeatVmTest {
    static final Path PLAYBOOKS = LabFixture.repoRoot().resolve("playbooks");
    static final String LAN = "10.248.7";
    static final String SECRET = "Hb-vm-S3cret-47";
    static final int DEADTIME = 5;
    static final int CHECK_INTERVAL = 3;
    static final int NEGOTIATE_TIMEOUT = 2;
    static final int FAILURE_COUNT = 2;
    /** heartbeat's start (initdead 10, then IPaddr2 and ldirectord, shell and perl under emulation). */
    static final long START_MS = 90_000;
    static final String LOOP = "/tmp/hb-loop";

    VmLab lab;
    VmHaChecks ha;
    LvsplayRun.Result firstRun;
    long firstRunEnded;

    @BeforeAll
    void upAndApply(@TempDir Path stateDir) {
        VmImage image = VmImage.ensureBuilt(LabFixture.repoRoot());
        lab = VmLab.up(LabSpec.builder().name("it-vm-heartbeat").topology(LabTopology.HA).realServers(2)
                .lanSubnet(LAN + ".0/24").scheduler("rr").stateDir(stateDir).build(), image, VmLabOptions.defaults());
        ha = new VmHaChecks(lab, LOOP, "tail -n 30 /var/log/ha-log");
        firstRun = run();
        firstRunEnded = System.currentTimeMillis();
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
    void theActiveDirectorHoldsTheVipAndLdirectordFillsKernelIpvs() throws InterruptedException {
        assertTrue(firstRun.stdout().contains("director1: data plane ipvs"), firstRun.stdout());
        ha.awaitVip("director1", START_MS);
        String table = awaitTable("director1", rs("rs1"), rs("rs2"));
        System.out.printf("HA-VM-MEASURE heartbeat start: VIP and both real servers in director1's IPVS %d ms after the run ended%n",
                System.currentTimeMillis() - firstRunEnded);
        assertTrue(table.contains("TCP  " + vip() + ":80 rr"), table);
        assertTrue(table.matches("(?s).*-> " + Pattern.quote(rs("rs1") + ":80") + " +Route +1 .*"), table);
        assertTrue(table.matches("(?s).*-> " + Pattern.quote(rs("rs2") + ":80") + " +Route +1 .*"), table);
        assertFalse(ha.hasVip("director2"), "only the active director holds the VIP");
        assertTrue(ldirectordRuns("director1"), "ldirectord runs on the active director");
        assertFalse(ldirectordRuns("director2"), "and not on the standby");
        assertFalse(lab.host("director2").run("ipvsadm -Ln").contains(vip()), "the standby's IPVS has no service");
        // kernel IPVS: the real ipvsadm, not the agent's
        assertEquals("", lab.host("director1").run("dpkg-divert --list /usr/sbin/ipvsadm").strip());
        assertFalse(lab.host("director1").exec("test -e /usr/local/sbin/lvsplay-ipvsadm-apply").ok());
        assertEquals("600 root", lab.host("director1").run("stat -c '%a %U' /etc/ha.d/authkeys").strip());
        assertTrue(lab.host("director1").run("cat /etc/ha.d/haresources")
                .contains("director1 IPaddr2::" + vip() + "/32/eth0 ldirectord::ldirectord.cf"));
        assertFalse(firstRun.output().contains(SECRET), "the secret is never printed");

        int before = conns("director1");
        List<String> answers = answers(10);
        assertEquals(5, answers.stream().filter(a -> a.equals("Real Server 1 (" + rs("rs1") + ")")).count(), answers.toString());
        assertEquals(5, answers.stream().filter(a -> a.equals("Real Server 2 (" + rs("rs2") + ")")).count(), answers.toString());
        assertEquals(before + 10, conns("director1"), "the kernel IPVS of the active director counted every request");
    }

    @Test
    @Order(2)
    void aSecondRunChangesNothing() {
        assertSecondRunChangesNothing("director1");
    }

    @Test
    @Order(3)
    void ldirectordRemovesAStoppedRealServerFromKernelIpvsAndAddsItBack() throws InterruptedException {
        String holder = "director1";
        String rs2 = rs("rs2") + ":80";
        // on the holder, one clock: when rs2 stops / starts answering, and when ldirectord's table follows
        String probe = "curl -s -o /dev/null -f -m 1 http://" + rs2 + "/health_check";
        String inTable = "ipvsadm -Ln | grep -q -- '-> " + rs2 + " '";
        String service = "ipvsadm -Ln | grep -q 'TCP  " + vip() + ":80 '";
        lab.host(holder).run("rm -f /tmp/rs-*; cat > /tmp/rs-watch.sh <<'EOF'\n"
                + "stamp() { date +%s%3N > /tmp/rs-$1.tmp; mv /tmp/rs-$1.tmp /tmp/rs-$1; }\n"
                + "stamp started\n"
                + "while " + probe + "; do sleep 0.1; done; stamp down\n"
                // a read while ldirectord changes the table may miss the service line: not a removal
                + "while " + inTable + " || ! " + service + "; do sleep 0.05; done; stamp gone\n"
                + "while ! " + probe + "; do sleep 0.1; done; stamp up\n"
                + "while ! " + inTable + "; do sleep 0.05; done; stamp back\n"
                + "EOF\n"
                + "(sh /tmp/rs-watch.sh >/dev/null 2>&1 </dev/null &)");
        ha.awaitStamp(holder, "started", 10_000);
        lab.host("rs2").run("service nginx stop");
        long gone;
        try {
            gone = ha.awaitStamp(holder, "gone", 60_000) - ha.awaitStamp(holder, "down", 1_000);
            System.out.printf("HA-VM-MEASURE ldirectord, rs2 stopped: out of director1's IPVS %d ms after it stopped answering%n", gone);
            String table = awaitTable(holder, rs("rs1"));
            assertFalse(table.contains(rs2), "quiescent=no: ldirectord deletes the real server\n" + table);
            List<String> answers = answers(6);
            assertTrue(answers.stream().allMatch(a -> a.equals("Real Server 1 (" + rs("rs1") + ")")), answers.toString());
        } finally {
            lab.host("rs2").run("service nginx start");
        }
        long back = ha.awaitStamp(holder, "back", 60_000) - ha.awaitStamp(holder, "up", 1_000);
        System.out.printf("HA-VM-MEASURE ldirectord, rs2 started: back in director1's IPVS %d ms after it answered again%n", back);
        // failurecount failed checks checkinterval apart, each up to negotiatetimeout; then one ipvsadm
        // call. 15 s slack: perl on an emulated CPU on a loaded machine (ldirectord takes 30-60 s to start)
        long bound = (FAILURE_COUNT * CHECK_INTERVAL + NEGOTIATE_TIMEOUT + 15) * 1000L;
        assertTrue(gone <= bound, "rs2 left after " + gone + " ms, bound " + bound);
        // one successful check brings it back: at most checkinterval, plus the same slack
        long rejoinBound = (CHECK_INTERVAL + NEGOTIATE_TIMEOUT + 15) * 1000L;
        assertTrue(back <= rejoinBound, "rs2 rejoined after " + back + " ms, bound " + rejoinBound);
        assertEquals(2, answers(6).stream().distinct().count());
    }

    @Test
    @Order(4)
    void stoppingHeartbeatOnTheActiveDirectorMovesTheVipAndLdirectord() throws InterruptedException {
        String d1 = lab.host("director1").address();
        // on director2: capture director1's heartbeats and note when the VIP arrives, both on its clock
        lab.host("director2").run("rm -f /tmp/vip-at /tmp/hb.log; (tcpdump -i eth0 -n -l -tt 'udp port 694 and src host "
                + d1 + "' > /tmp/hb.log 2>/dev/null </dev/null &) ; (while ! ip -o -4 addr show dev eth0 | grep -q ' " + vip()
                + "/32'; do sleep 0.02; done; date +%s%3N > /tmp/vip-at.tmp; mv /tmp/vip-at.tmp /tmp/vip-at) >/dev/null 2>&1 </dev/null &");
        ha.awaitOutput("director2", "grep -c UDP /tmp/hb.log", s -> s.strip().matches("[2-9]|[1-9][0-9]+"), 15_000);
        ha.startClientLoop();
        Thread.sleep(2000);
        long stoppedAt = System.currentTimeMillis();
        // the stop returns once director1 released its resources (ldirectord's stop is perl: slow here)
        var stop = lab.host("director1").exec("/etc/init.d/heartbeat stop", Duration.ofMinutes(4));
        assertTrue(stop.ok(), stop.stderr() + stop.stdout());
        String vipAtText = ha.awaitOutput("director2", "cat /tmp/vip-at 2>/dev/null || true", s -> !s.isBlank(), START_MS);
        long seenOnHost = System.currentTimeMillis() - stoppedAt;
        String table = awaitTable("director2", rs("rs1"), rs("rs2"));
        long servingOnHost = System.currentTimeMillis() - stoppedAt;
        Thread.sleep(3000);
        List<String[]> requests = ha.stopClientLoop();
        String hb = lab.host("director2").run("pkill -x tcpdump; sleep 0.3; cat /tmp/hb.log");
        long vipAt = Long.parseLong(vipAtText.strip());

        // director1 tells director2 it is leaving (its last packets): the takeover starts there
        long lastPacket = 0;
        for (String line : hb.split("\n")) {
            Matcher m = Pattern.compile("^(\\d+)\\.(\\d{3})\\d* IP ").matcher(line);
            if (m.find()) {
                long t = Long.parseLong(m.group(1)) * 1000 + Long.parseLong(m.group(2));
                if (t <= vipAt) {
                    lastPacket = t;
                }
            }
        }
        assertTrue(lastPacket > 0, "no heartbeat of director1 captured:\n" + hb);
        long takeover = vipAt - lastPacket;
        List<String[]> failed = requests.stream().filter(r -> !r[1].startsWith("Real Server")).toList();
        System.out.printf("HA-VM-MEASURE heartbeat stop on the active director: VIP on director2 %d ms after director1's last"
                        + " heartbeat packet (host: seen by ssh polling %d ms after the stop command was sent, both real servers"
                        + " in director2's IPVS after %d ms); %d of %d client requests failed: %s%n",
                takeover, seenOnHost, servingOnHost, failed.size(), requests.size(), failed.stream().map(r -> r[0] + " " + r[1]).toList());
        // a graceful stop hands the resources over without waiting for deadtime; IPaddr2 (shell scripts)
        // took 49 s to add the VIP at heartbeat's first start under emulation: bound a minute
        assertTrue(takeover <= 60_000, "takeover took " + takeover + " ms:\n" + hb);
        assertFalse(ha.hasVip("director1"), "a stopped heartbeat releases the VIP");
        assertFalse(ldirectordRuns("director1"), "and stops its ldirectord");
        // ldirectord deletes its virtual service when it stops: nothing is left on the old director
        assertFalse(lab.host("director1").run("ipvsadm -Ln").contains(vip() + ":80"), lab.host("director1").run("ipvsadm -Ln"));
        assertTrue(table.contains("TCP  " + vip() + ":80 rr"), table);
        for (String[] r : requests.subList(requests.size() - 3, requests.size())) {
            assertTrue(r[1].startsWith("Real Server"), "after the takeover: " + r[0] + " " + r[1]);
        }
        assertTrue(conns("director2") > 0, lab.host("director2").run("ipvsadm -Ln --stats"));
        String mac = lab.host("director2").run("cat /sys/class/net/eth0/address").strip();
        String neigh = lab.host("client").run("ip neigh show " + vip());
        assertTrue(neigh.contains(mac), "the gratuitous ARP reached the client: " + neigh + " (director2: " + mac + ")");
    }

    @Test
    @Order(5)
    void withoutAutoFailbackTheReturningDirectorStaysStandby() throws InterruptedException {
        lab.host("director1").run("/etc/init.d/heartbeat start");
        ha.awaitOutput("director1", "/etc/init.d/heartbeat status >/dev/null 2>&1 && echo up || true", s -> s.contains("up"), 30_000);
        Thread.sleep((DEADTIME + 5) * 1000L);
        assertTrue(ha.hasVip("director2"), "the VIP stays on director2 (auto_failback off)");
        assertFalse(ha.hasVip("director1"));
        assertFalse(ldirectordRuns("director1"), "no ldirectord on the standby");
        assertEquals(2, answers(6).stream().distinct().count());
    }

    @Test
    @Order(6)
    void afterTheFailoverARunStillChangesNothingAndKeepsTheVip() {
        assertSecondRunChangesNothing("director2");
    }

    // ------------------------------------------------------------------------------------------

    String vip() {
        return lab.vip();
    }

    String rs(String name) {
        return lab.host(name).address();
    }

    void assertSecondRunChangesNothing(String holder) {
        LvsplayRun.Result again = run();
        assertEquals(0, again.exitCode(), again.output());
        assertEquals(0, again.totalChanged(), again.stdout());
        for (String host : List.of("director1", "director2", "rs1", "rs2")) {
            assertEquals(0, again.changed(host), host + " changed on a re-run:\n" + again.stdout());
        }
        assertTrue(ha.hasVip(holder), "the VIP stays on " + holder);
        assertEquals(1, List.of("director1", "director2").stream().filter(ha::hasVip).count());
    }

    LvsplayRun.Result run(String... more) {
        List<String> args = new ArrayList<>(List.of("run", "-i", lab.inventoryFile().toString(),
                PLAYBOOKS.resolve("heartbeat-ha.yml").toString(), "-e", "heartbeat_auth_secret=" + SECRET));
        args.addAll(List.of(more));
        LvsplayRun.Result result = LvsplayRun.run(args.toArray(String[]::new));
        System.out.println(result.output());
        return result;
    }

    /** The director's IPVS table once it has the VIP's service and the given real servers. */
    String awaitTable(String director, String... realServers) throws InterruptedException {
        return ha.awaitOutput(director, "ipvsadm -Ln", t -> t.contains("TCP  " + vip() + ":80 ")
                && List.of(realServers).stream().allMatch(r -> t.contains("-> " + r + ":80 ")), START_MS);
    }

    /** Connections the director's IPVS counted for the VIP's service (read once the service line is there). */
    int conns(String director) throws InterruptedException {
        String stats = ha.awaitOutput(director, "ipvsadm -Ln --stats", t -> t.contains("TCP  " + vip() + ":80 "), 30_000);
        Matcher m = Pattern.compile("TCP  " + Pattern.quote(vip() + ":80") + " +(\\d+) ").matcher(stats);
        assertTrue(m.find(), director + ":\n" + stats);
        return Integer.parseInt(m.group(1));
    }

    /**
     * The ldirectord heartbeat started ("ldirectord ldirectord.cf start" stays its command line), found
     * without `ldirectord status`, which takes 30-60 s of perl start-up under emulation.
     */
    boolean ldirectordRuns(String director) {
        return lab.host(director).exec("pgrep -f 'ldirectord ldirectord.cf start'").ok();
    }

    /** The first lines of n requests through the VIP from the client, in order. */
    List<String> answers(int n) {
        List<String> seen = new ArrayList<>();
        for (String line : lab.host("client").run("for i in $(seq " + n + "); do curl -s -m 2 http://" + vip()
                + "/ | head -n 1; echo; done").split("\n")) {
            if (!line.isBlank()) {
                seen.add(line.strip());
            }
        }
        return seen;
    }
}
