package io.lvsplay.agent.net;

import io.lvsplay.agent.Loopback;
import io.lvsplay.agent.control.ControlClient;
import io.lvsplay.agent.control.ControlReply;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Many concurrent idle connections through an agent running as its own process (as in production: `run`). The agent
 * needs two descriptors per connection, this JVM two more (client and backend side), so the open-files limit decides
 * what this machine can prove; the limit is checked first and reported instead of failing obscurely.
 */
@Tag("performance")
class IdleConnectionsTest {
    /** The systemd unit's small-footprint flags (src/main/dist/lvsplay-agent.service). */
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx128m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:MaxDirectMemorySize=256m", "-Xss256k", "-XX:ReservedCodeCacheSize=24m",
            "-XX:MaxMetaspaceSize=48m", "-XX:-UsePerfData");
    private static final long MAX_RSS_MB = 256;

    private static final int FD_HEADROOM = 300;

    @TempDir
    Path dir;

    @Test
    void holdsTenThousandConcurrentIdleConnections() throws Exception {
        holdIdleConnections(10_000);
    }

    @Test
    void holdsNineThousandConcurrentIdleConnectionsWithinTwentyThousandFiles() throws Exception {
        holdIdleConnections(9_000);
    }

    private void holdIdleConnections(int count) throws Exception {
        long limit = openFilesLimit();
        long needed = 2L * count + FD_HEADROOM;
        assumeTrue(limit >= needed, "ulimit -n is " + limit + " but " + count + " proxied connections need " + needed
                + " descriptors in the agent and in the test JVM; raise it (e.g. 'ulimit -n 65536', needs CAP_SYS_RESOURCE"
                + " above the hard limit) before 'mvn test'");
        int backendPort = Loopback.freePort();
        int vport = Loopback.freePort();
        String vip = "127.0.0.12:" + vport;
        Path rules = Files.writeString(dir.resolve("rules"), "-A -t " + vip + " -s wlc\n-a -t " + vip + " -r 127.0.0.1:" + backendPort + " -m\n");
        Path control = dir.resolve("control.sock");
        List<SocketChannel> accepted = new ArrayList<>();
        List<SocketChannel> clients = new ArrayList<>();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lvsplay.agent.AgentMain", "run", "--rules", rules.toString(),
                "--control", control.toString()));
        Process agent = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        try (ServerSocketChannel backend = ServerSocketChannel.open()) {
            backend.bind(new InetSocketAddress("127.0.0.1", backendPort), 8192);
            backend.configureBlocking(false);
            Loopback.await(() -> Files.exists(control), 15_000, "agent control socket");
            for (int i = 0; i < count; i++) {
                // Spread clients over source addresses so no single address runs short of ephemeral ports.
                SocketChannel c = SocketChannel.open();
                c.bind(new InetSocketAddress("127.0.3." + (1 + i % 200), 0));
                c.connect(new InetSocketAddress("127.0.0.12", vport));
                clients.add(c);
                drainAccepts(backend, accepted);
            }
            long deadline = System.currentTimeMillis() + 20_000;
            while (accepted.size() < count && System.currentTimeMillis() < deadline) {
                drainAccepts(backend, accepted);
                Thread.sleep(5);
            }
            assertEquals(count, accepted.size(), "every client connection reached the backend");
            assertEquals(count, activeConnections(control), "the agent lists every connection as active");
            SocketChannel last = clients.get(count - 1);
            last.write(ByteBuffer.wrap(new byte[]{42}));
            ByteBuffer got = ByteBuffer.allocate(1);
            // The backend's accept order may differ from the clients', so look for the byte on every connection.
            assertEquals(1, readOneFromAny(accepted, got), "data still flows while thousands of connections are open");
            long rss = rssMegabytes(agent.pid());
            System.out.println("agent RSS with " + count + " idle connections: " + rss + " MB");
            assertTrue(rss <= MAX_RSS_MB, "agent RSS " + rss + " MB with " + count + " idle connections, limit " + MAX_RSS_MB);
        } finally {
            for (SocketChannel c : clients) {
                c.close();
            }
            for (SocketChannel c : accepted) {
                c.close();
            }
            agent.destroy();
            agent.waitFor();
        }
    }

    private static int readOneFromAny(List<SocketChannel> channels, ByteBuffer buf) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            for (SocketChannel ch : channels) {
                int n = ch.read(buf);
                if (n > 0) {
                    return n;
                }
            }
            Thread.sleep(10);
        }
        return 0;
    }

    private static void drainAccepts(ServerSocketChannel backend, List<SocketChannel> accepted) throws IOException {
        SocketChannel ch;
        while ((ch = backend.accept()) != null) {
            ch.configureBlocking(false);
            accepted.add(ch);
        }
    }

    private static int activeConnections(Path control) {
        ControlReply reply = ControlClient.send(control, List.of("list"));
        Matcher m = Pattern.compile("->\\s+\\S+\\s+Masq\\s+\\d+\\s+(\\d+)").matcher(reply.body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static long rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    @Test
    void holdsSixtyFourIdleConnections() throws Exception {
        holdIdleConnections(64);
    }

    private static long openFilesLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return 1024;
    }
}
