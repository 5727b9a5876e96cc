package io.lvsplay.agent.net;

import io.lvsplay.agent.Agent;
import io.lvsplay.agent.Loopback;
import io.lvsplay.agent.Loopback.NamedBackend;
import io.lvsplay.agent.stats.ServiceSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent between a real client and real HTTP backends, all on loopback. */
class TcpForwardingTest {
    @TempDir
    Path dir;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    private NamedBackend backend(String name) throws Exception {
        NamedBackend b = new NamedBackend(name);
        resources.add(b);
        return b;
    }

    private Agent agent(String rules, String config) throws Exception {
        Agent a = Loopback.agent(dir, rules, config);
        resources.add(0, a);
        return a;
    }

    private static String rules(String vip, String sched, NamedBackend... backends) {
        StringBuilder b = new StringBuilder("-A -t " + vip + " -s " + sched + "\n");
        for (NamedBackend nb : backends) {
            b.append("-a -t ").append(vip).append(" -r ").append(nb.address()).append(" -m -w 1\n");
        }
        return b.toString();
    }

    @Test
    void rrAlternatesExactlyBetweenTwoBackends() throws Exception {
        int port = Loopback.freePort();
        agent(rules("127.0.0.2:" + port, "rr", backend("A"), backend("B")), null);
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            seen.append(Loopback.get("127.0.0.2", port, null));
        }
        assertEquals("ABABABABAB", seen.toString());
    }

    @Test
    void wrrWithWeights3to1to1SplitsHundredRequests60to20to20() throws Exception {
        int port = Loopback.freePort();
        NamedBackend a = backend("A");
        NamedBackend b = backend("B");
        NamedBackend c = backend("C");
        String vip = "127.0.0.3:" + port;
        agent("-A -t " + vip + " -s wrr\n-a -t " + vip + " -r " + a.address() + " -w 3\n-a -t " + vip + " -r " + b.address()
                + " -w 1\n-a -t " + vip + " -r " + c.address() + " -w 1\n", null);
        Map<String, Integer> counts = new HashMap<>();
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            String who = Loopback.get("127.0.0.3", port, null);
            counts.merge(who, 1, Integer::sum);
            if (i < 10) {
                first.append(who);
            }
        }
        assertEquals(Map.of("A", 60, "B", 20, "C", 20), counts);
        assertEquals("AAABCAAABC", first.toString());
    }

    @Test
    void shKeepsEachClientAddressOnOneBackend() throws Exception {
        int port = Loopback.freePort();
        agent(rules("127.0.0.4:" + port, "sh", backend("A"), backend("B"), backend("C")), null);
        Set<String> used = new HashSet<>();
        for (int client = 10; client < 30; client++) {
            String src = "127.0.1." + client;
            String first = Loopback.get("127.0.0.4", port, src);
            used.add(first);
            for (int i = 0; i < 3; i++) {
                assertEquals(first, Loopback.get("127.0.0.4", port, src), "client " + src);
            }
        }
        assertTrue(used.size() >= 2, "20 client addresses should spread over several backends: " + used);
    }

    @Test
    void deadBackendCostsClientsNothing() throws Exception {
        int port = Loopback.freePort();
        NamedBackend b = backend("B");
        Agent agent = agent(rules("127.0.0.5:" + port, "rr", backend("A"), b, backend("C")), null);
        b.stop();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            counts.merge(Loopback.get("127.0.0.5", port, null), 1, Integer::sum);
        }
        assertEquals(Set.of("A", "C"), counts.keySet());
        ServiceSnapshot s = agent.snapshot().get(0);
        assertTrue(s.totals().connectRetries() >= 10, "each refused connect is counted: " + s.totals());
    }

    @Test
    void failedBackendLeavesAfterHealthCheckAndRejoinsWhenItRecovers() throws Exception {
        int port = Loopback.freePort();
        NamedBackend a = backend("A");
        NamedBackend b = backend("B");
        String vip = "127.0.0.6:" + port;
        Agent agent = agent(rules(vip, "rr", a, b), "services:\n  - service: tcp " + vip
                + "\n    check: {type: HTTP_GET, path: /health, status: 200, receive: \"^[AB]$\", delay_loop: 0.1, connect_timeout: 1, retry: 1, delay_before_retry: 0.05}\n");
        b.stop();
        Loopback.await(() -> agent.snapshot().get(0).members().size() == 1, 3000, "B removed by its health check");
        assertEquals("AAAA", Loopback.get("127.0.0.6", port, null) + Loopback.get("127.0.0.6", port, null)
                + Loopback.get("127.0.0.6", port, null) + Loopback.get("127.0.0.6", port, null));
        assertEquals(0, agent.snapshot().get(0).totals().connectRetries(), "a removed server is not even tried");
        b.start();
        Loopback.await(() -> agent.snapshot().get(0).members().size() == 2, 3000, "B back after a passing check");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            seen.add(Loopback.get("127.0.0.6", port, null));
        }
        assertEquals(Set.of("A", "B"), seen);
    }

    @Test
    void bindFailureIsRetriedUntilTheAddressBecomesAvailable() throws Exception {
        int port = Loopback.freePort();
        NamedBackend a = backend("A");
        java.net.ServerSocket blocker = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.14"));
        Files.writeString(dir.resolve("rules"), rules("127.0.0.14:" + port, "rr", a));
        Agent agent = Agent.start(dir.resolve("rules"), java.util.Optional.empty(), java.util.Optional.of(dir.resolve("control.sock")));
        resources.add(0, agent);
        org.junit.jupiter.api.Assertions.assertFalse(agent.allBound(), "the VIP port is taken, so the service cannot listen yet");
        blocker.close();
        Loopback.await(agent::allBound, 3000, "the listener to bind on retry");
        assertEquals("A", Loopback.get("127.0.0.14", port, null));
    }

    @Test
    void invalidReloadKeepsTheOldTableAndReportsFileAndLine() throws Exception {
        int port = Loopback.freePort();
        NamedBackend a = backend("A");
        Agent agent = agent(rules("127.0.0.7:" + port, "rr", a), null);
        Files.writeString(dir.resolve("rules"), "-A -t 127.0.0.7:" + port + " -s rr\n-a -t 127.0.0.7:" + port + " -r nonsense\n");
        var reply = agent.reload();
        assertEquals(1, reply.exitCode());
        assertTrue(reply.body().startsWith(dir.resolve("rules") + ":2: "), reply.body());
        assertEquals("A", Loopback.get("127.0.0.7", port, null));
    }
}
