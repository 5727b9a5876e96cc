package io.lvsplay.agent.ipvsadm;

import com.sun.net.httpserver.HttpServer;
import io.lvsplay.agent.Agent;
import io.lvsplay.agent.Loopback;
import io.lvsplay.agent.stats.DestinationSnapshot;
import io.lvsplay.agent.stats.ServiceSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's real ldirectord drives the agent through the ipvsadm shim (src/main/dist/ipvsadm). ldirectord calls
 * /sbin/ipvsadm by its full path, so it runs in a private mount namespace where the shim is bind-mounted over
 * /usr/sbin/ipvsadm; nothing changes outside the test.
 */
class LdirectordTest {
    private static final Path LDIRECTORD = Path.of("/usr/sbin/ldirectord");

    @TempDir
    Path dir;

    /** A real server: GET /health answers "OK" while healthy, 500 otherwise. */
    private static HttpServer realServer(String ip, int port, AtomicBoolean healthy) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(ip, port), 16);
        s.createContext("/", ex -> {
            byte[] body = (healthy.get() ? "OK " + ip : "broken").getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(healthy.get() ? 200 : 500, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        s.start();
        return s;
    }

    /** Real server address to weight for one service, or null when the service is not in the agent's table. */
    private static Map<String, Integer> weights(Agent agent, String service) {
        for (ServiceSnapshot s : agent.snapshot()) {
            if (s.key().toString().equals(service)) {
                Map<String, Integer> w = new TreeMap<>();
                for (DestinationSnapshot d : s.members()) {
                    w.put(d.address().toString(), d.weight());
                }
                return w;
            }
        }
        return null;
    }

    @Test
    void ldirectordAddsQuiescesAndRemovesRealServersThroughTheShim() throws Exception {
        assumeTrue(Files.isExecutable(LDIRECTORD) && System.getProperty("user.name").equals("root"), "needs root and Debian's ldirectord");
        int vport1 = Loopback.freePort();
        int vport2 = Loopback.freePort();
        int rport = Loopback.freePort();
        AtomicBoolean aUp = new AtomicBoolean(true);
        AtomicBoolean bUp = new AtomicBoolean(true);
        HttpServer a = realServer("127.0.0.31", rport, aUp);
        HttpServer b = realServer("127.0.0.32", rport, bUp);
        Path config = dir.resolve("ldirectord-lvsplay-test.cf");
        String reals = "\treal=127.0.0.31:" + rport + " gate\n\treal=127.0.0.32:" + rport + " gate\n";
        String checks = "\tservice=http\n\trequest=\"health\"\n\treceive=\"OK\"\n\tscheduler=rr\n\tprotocol=tcp\n\tchecktype=negotiate\n";
        Files.writeString(config, "checktimeout=10\nnegotiatetimeout=10\ncheckinterval=1\nautoreload=no\nlogfile=\"" + dir.resolve("ldirectord.log") + "\"\n"
                + "virtual=127.0.0.30:" + vport1 + "\n" + reals + checks + "\tquiescent=yes\n"
                + "virtual=127.0.0.30:" + vport2 + "\n" + reals + checks + "\tquiescent=no\n");
        Path shim = Path.of("src/main/dist/ipvsadm").toAbsolutePath();
        Process ldirectord = null;
        try (Agent agent = Loopback.agent(dir, "# filled in by ldirectord through ipvsadm\n", null)) {
            ProcessBuilder pb = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c",
                    "mount --bind \"$0\" /usr/sbin/ipvsadm && exec /usr/sbin/ldirectord -d \"$1\" start", shim.toString(), config.toString());
            pb.environment().put("LVSPLAY_AGENT_CONTROL", agent.controlPath().toString());
            pb.environment().put("LVSPLAY_AGENT_JAR", Path.of("target/classes").toAbsolutePath().toString());
            pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            pb.redirectErrorStream(true).redirectOutput(dir.resolve("ldirectord.out").toFile());
            ldirectord = pb.start();
            String s1 = "tcp 127.0.0.30:" + vport1;
            String s2 = "tcp 127.0.0.30:" + vport2;
            String ra = "127.0.0.31:" + rport;
            String rb = "127.0.0.32:" + rport;
            Map<String, Integer> both = Map.of(ra, 1, rb, 1);
            await(() -> both.equals(weights(agent, s1)) && both.equals(weights(agent, s2)), "ldirectord adds both services and real servers");

            bUp.set(false);
            await(() -> Map.of(ra, 1, rb, 0).equals(weights(agent, s1)) && Map.of(ra, 1).equals(weights(agent, s2)),
                    "a failed server quiesced (weight 0) on the quiescent service and removed from the other");

            bUp.set(true);
            await(() -> both.equals(weights(agent, s1)) && both.equals(weights(agent, s2)), "the recovered server back at weight 1");

            ldirectord.destroy();
            assertEquals(true, ldirectord.waitFor(30, TimeUnit.SECONDS), "ldirectord stops on SIGTERM");
            // On stop ldirectord deletes its virtual services.
            await(() -> agent.snapshot().isEmpty(), "ldirectord removes its services when it stops");
        } finally {
            if (ldirectord != null && ldirectord.isAlive()) {
                ldirectord.destroyForcibly();
            }
            a.stop(0);
            b.stop(0);
        }
    }

    private void await(java.util.function.BooleanSupplier condition, String what) throws Exception {
        try {
            Loopback.await(condition, 120_000, what);
        } catch (AssertionError e) {
            String out = Files.exists(dir.resolve("ldirectord.out")) ? Files.readString(dir.resolve("ldirectord.out")) : "";
            throw new AssertionError(e.getMessage() + "\nldirectord output (tail):\n" + out.substring(Math.max(0, out.length() - 4000)), e);
        }
    }
}
