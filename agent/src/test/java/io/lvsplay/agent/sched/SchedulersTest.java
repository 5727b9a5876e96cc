package io.lvsplay.agent.sched;

import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.SchedFlag;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulersTest {
    private static final InetAddress VIP = Endpoint.parse("10.10.10.100:80", -1).address();

    private static ScheduleRequest from(String client) {
        return new ScheduleRequest(Endpoint.parse(client + ":40000", -1).address(), 40000, VIP);
    }

    private static ScheduleRequest from(String client, int port) {
        return new ScheduleRequest(Endpoint.parse(client + ":" + port, -1).address(), port, VIP);
    }

    private static String sequence(Scheduler s, List<FakeServer> servers, int n) {
        s.membersChanged(servers);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Candidate c = s.select(servers, from("192.168.0.1"));
            b.append(c == null ? "-" : c.toString());
        }
        return b.toString();
    }

    @Test
    void rrCyclesThroughServersInOrder() {
        assertEquals("ABCABCA", sequence(Schedulers.create("rr", Set.of()), FakeServer.weighted(1, 1, 1), 7));
    }

    @Test
    void rrSkipsQuiescedAndOverloadedServers() {
        List<FakeServer> s = FakeServer.weighted(1, 0, 1, 1);
        s.get(3).overloaded = true;
        assertEquals("ACACA", sequence(Schedulers.create("rr", Set.of()), s, 5));
    }

    @Test
    void wrrWith3to1to1InterleavesLikeIpVsWrr() {
        assertEquals("AAABC".repeat(4), sequence(Schedulers.create("wrr", Set.of()), FakeServer.weighted(3, 1, 1), 20));
    }

    @Test
    void wrrWith4to3to2StepsTheCurrentWeightDown() {
        assertEquals("AABABCABC".repeat(2), sequence(Schedulers.create("wrr", Set.of()), FakeServer.weighted(4, 3, 2), 18));
    }

    @Test
    void wrrStepsByTheGcdOfWeights() {
        assertEquals("AABAAB", sequence(Schedulers.create("wrr", Set.of()), FakeServer.weighted(4, 2), 6));
    }

    @Test
    void wrrReturnsNothingWhenAllWeightsAreZero() {
        assertEquals("--", sequence(Schedulers.create("wrr", Set.of()), FakeServer.weighted(0, 0), 2));
    }

    @Test
    void wrrNeverPicksAQuiescedServer() {
        assertEquals("ACACAC", sequence(Schedulers.create("wrr", Set.of()), FakeServer.weighted(1, 0, 1), 6));
    }

    @Test
    void lcPicksFewestConnectionsCountingActiveAs256Inactive() {
        List<FakeServer> s = FakeServer.weighted(1, 1, 1);
        s.get(0).active = 1;
        s.get(1).inactive = 200;
        s.get(2).active = 1;
        assertSame(s.get(1), Schedulers.create("lc", Set.of()).select(s, from("1.1.1.1")));
    }

    @Test
    void wlcDividesOverheadByWeight() {
        List<FakeServer> s = FakeServer.weighted(1, 3);
        s.get(0).active = 1;
        s.get(1).active = 2;
        // A: 256/1, B: 512/3 -> B
        assertSame(s.get(1), Schedulers.create("wlc", Set.of()).select(s, from("1.1.1.1")));
        s.get(1).active = 4;
        // B: 1024/3 > 256 -> A
        assertSame(s.get(0), Schedulers.create("wlc", Set.of()).select(s, from("1.1.1.1")));
    }

    @Test
    void wlcKeepsTheFirstServerOnTies() {
        List<FakeServer> s = FakeServer.weighted(2, 2);
        assertSame(s.get(0), Schedulers.create("wlc", Set.of()).select(s, from("1.1.1.1")));
    }

    @Test
    void sedIgnoresInactiveConnections() {
        List<FakeServer> s = FakeServer.weighted(1, 1);
        s.get(0).inactive = 1000;
        s.get(1).active = 1;
        // A: (0+1)/1, B: (1+1)/1 -> A despite its inactive connections
        assertSame(s.get(0), Schedulers.create("sed", Set.of()).select(s, from("1.1.1.1")));
    }

    @Test
    void nqPrefersAnIdleServerOverAHeavierOne() {
        List<FakeServer> s = FakeServer.weighted(10, 1);
        s.get(0).active = 1;
        // sed would pick A ((1+1)/10 < (0+1)/1) but nq takes the idle B
        assertSame(s.get(1), Schedulers.create("nq", Set.of()).select(s, from("1.1.1.1")));
        assertSame(s.get(0), Schedulers.create("sed", Set.of()).select(s, from("1.1.1.1")));
    }

    @Test
    void shSendsEachClientAddressToOneServer() {
        List<FakeServer> s = FakeServer.weighted(1, 1, 1);
        Scheduler sh = Schedulers.create("sh", Set.of());
        sh.membersChanged(s);
        Map<String, Candidate> first = new HashMap<>();
        for (int i = 1; i <= 50; i++) {
            first.put("10.1.0." + i, sh.select(s, from("10.1.0." + i, 1000 + i)));
        }
        for (int i = 1; i <= 50; i++) {
            assertSame(first.get("10.1.0." + i), sh.select(s, from("10.1.0." + i, 5000 + i)));
        }
        assertEquals(3, first.values().stream().distinct().count());
    }

    @Test
    void shTableFollowsTheKernelHash() {
        List<FakeServer> s = FakeServer.weighted(1, 1);
        Scheduler sh = Schedulers.create("sh", Set.of());
        sh.membersChanged(s);
        // 256 buckets alternate A,B; bucket = hash_32(addr, 8) = (addr * 0x61C88647) >>> 24
        int addr = Endpoint.bits(from("192.168.1.7").client());
        int bucket = (addr * 0x61C88647) >>> 24;
        assertSame(s.get(bucket % 2), sh.select(s, from("192.168.1.7")));
    }

    @Test
    void shWithoutFallbackGivesNoServerWhenTheHashedOneIsQuiesced() {
        List<FakeServer> s = FakeServer.weighted(1, 1);
        Scheduler sh = Schedulers.create("sh", Set.of());
        sh.membersChanged(s);
        FakeServer chosen = (FakeServer) sh.select(s, from("10.9.9.9"));
        chosen.weight = 0;
        assertNull(sh.select(s, from("10.9.9.9")));
    }

    @Test
    void shWithFallbackMovesOnlyClientsOfTheUnavailableServer() {
        List<FakeServer> s = FakeServer.weighted(1, 1);
        Scheduler sh = Schedulers.create("sh", Set.of(SchedFlag.SH_FALLBACK));
        sh.membersChanged(s);
        FakeServer chosen = (FakeServer) sh.select(s, from("10.9.9.9"));
        chosen.overloaded = true;
        Candidate other = sh.select(s, from("10.9.9.9"));
        assertNotEquals(chosen, other);
    }

    @Test
    void shPortHashesSourcePortsApart() {
        List<FakeServer> s = FakeServer.weighted(1, 1, 1, 1);
        Scheduler sh = Schedulers.create("sh", Set.of(SchedFlag.SH_PORT));
        sh.membersChanged(s);
        long distinct = java.util.stream.IntStream.range(0, 40).mapToObj(p -> sh.select(s, from("10.2.2.2", 2000 + p))).distinct().count();
        assertTrue(distinct > 1, "one client address with many ports should reach several servers");
    }

    @Test
    void shGivesWeightedShareOfBuckets() {
        List<FakeServer> s = FakeServer.weighted(3, 1);
        Scheduler sh = Schedulers.create("sh", Set.of());
        sh.membersChanged(s);
        int a = 0;
        for (int i = 0; i < 4096; i++) {
            if (sh.select(s, from("10." + (i >> 8) + "." + (i & 255) + ".1")) == s.get(0)) {
                a++;
            }
        }
        assertTrue(a > 2600 && a < 3500, "A should get about 3/4 of clients, got " + a);
    }

    @Test
    void dhSendsAllTrafficForOneDestinationToOneServer() {
        List<FakeServer> s = FakeServer.weighted(1, 1, 1);
        Scheduler dh = Schedulers.create("dh", Set.of());
        dh.membersChanged(s);
        Candidate first = dh.select(s, from("1.1.1.1"));
        for (int i = 2; i < 30; i++) {
            assertSame(first, dh.select(s, from("1.1.1." + i)));
        }
    }

    @Test
    void mhSpreadsClientsByWeightAndKeepsThemWhenAnotherServerLeaves() {
        List<FakeServer> s = FakeServer.weighted(1, 1, 2);
        Scheduler mh = Schedulers.create("mh", Set.of());
        mh.membersChanged(s);
        Map<String, Candidate> before = new HashMap<>();
        int[] counts = new int[3];
        for (int i = 0; i < 2000; i++) {
            String c = "10.3." + (i >> 8) + "." + (i & 255);
            Candidate d = mh.select(s, from(c));
            before.put(c, d);
            counts[s.indexOf(d)]++;
        }
        assertTrue(counts[2] > 800 && counts[2] < 1200, "C (weight 2) should get about half, got " + counts[2]);
        List<FakeServer> without = List.of(s.get(0), s.get(2));
        mh.membersChanged(without);
        int moved = 0;
        for (Map.Entry<String, Candidate> e : before.entrySet()) {
            if (e.getValue() != s.get(1) && mh.select(without, from(e.getKey())) != e.getValue()) {
                moved++;
            }
        }
        assertTrue(moved < 200, "Maglev should keep most clients of the remaining servers, moved " + moved);
    }

    @Test
    void lblcKeepsTheServerUntilItIsOverloaded() {
        List<FakeServer> s = FakeServer.weighted(1, 1);
        Scheduler lblc = Schedulers.create("lblc", Set.of());
        Candidate first = lblc.select(s, from("1.1.1.1"));
        ((FakeServer) first).active = 1;
        assertSame(first, lblc.select(s, from("1.1.1.2")), "1 active connection is not more than weight 1");
        ((FakeServer) first).active = 2;
        assertNotEquals(first, lblc.select(s, from("1.1.1.3")), "2 > weight while the other server is idle");
    }

    @Test
    void lblcrAddsAServerToTheSetWhenOverloaded() {
        List<FakeServer> s = FakeServer.weighted(1, 1);
        Scheduler lblcr = Schedulers.create("lblcr", Set.of());
        FakeServer first = (FakeServer) lblcr.select(s, from("1.1.1.1"));
        first.active = 5;
        FakeServer second = (FakeServer) lblcr.select(s, from("1.1.1.1"));
        assertNotEquals(first, second);
        second.active = 1;
        first.active = 0;
        assertSame(first, lblcr.select(s, from("1.1.1.1")), "both in the set now; the least loaded wins");
    }

    @Test
    void foAlwaysPicksTheHighestWeight() {
        List<FakeServer> s = FakeServer.weighted(5, 10, 10);
        Scheduler fo = Schedulers.create("fo", Set.of());
        assertSame(s.get(1), fo.select(s, from("1.1.1.1")));
        s.get(1).weight = 0;
        assertSame(s.get(2), fo.select(s, from("1.1.1.1")));
    }

    @Test
    void ovfOverflowsWhenActiveConnectionsExceedWeight() {
        List<FakeServer> s = FakeServer.weighted(2, 1);
        Scheduler ovf = Schedulers.create("ovf", Set.of());
        s.get(0).active = 2;
        assertSame(s.get(0), ovf.select(s, from("1.1.1.1")), "2 active does not exceed weight 2");
        s.get(0).active = 3;
        assertSame(s.get(1), ovf.select(s, from("1.1.1.1")));
    }

    @Test
    void everySchedulerIgnoresQuiescedServers() {
        for (String name : List.of("rr", "wrr", "lc", "wlc", "sed", "nq", "sh", "dh", "mh", "lblc", "lblcr", "fo", "ovf")) {
            List<FakeServer> s = FakeServer.weighted(0, 0);
            Scheduler sched = Schedulers.create(name, Set.of());
            sched.membersChanged(s);
            assertNull(sched.select(s, from("1.1.1.1")), name);
        }
    }
}
