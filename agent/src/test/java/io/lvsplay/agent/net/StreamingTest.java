package io.lvsplay.agent.net;

import io.lvsplay.agent.Agent;
import io.lvsplay.agent.Loopback;
import io.lvsplay.agent.Loopback.NamedBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Long-lived and half-closed streams through the agent. */
class StreamingTest {
    private static final long GIGABYTE = 1L << 30;

    @TempDir
    Path dir;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    private int backend(Loopback.SocketSession session) throws IOException {
        ServerSocket s = Loopback.backend(session);
        resources.add(s);
        return s.getLocalPort();
    }

    private Agent agent(String rules) throws Exception {
        Agent a = Loopback.agent(dir, rules, "event_loops: 2\n");
        resources.add(0, a);
        return a;
    }

    /** Deterministic bytes: the same seed gives the same stream on both ends. */
    private static void fill(SplittableRandom r, byte[] b) {
        for (int i = 0; i < b.length; i += 8) {
            long v = r.nextLong();
            for (int j = 0; j < 8 && i + j < b.length; j++) {
                b[i + j] = (byte) (v >>> (8 * j));
            }
        }
    }

    @Test
    void streamsOneGigabyteWithMatchingChecksum() throws Exception {
        int port = backend(s -> {
            s.getInputStream().read();
            OutputStream out = s.getOutputStream();
            byte[] chunk = new byte[256 * 1024];
            SplittableRandom r = new SplittableRandom(42);
            CRC32 crc = new CRC32();
            for (long sent = 0; sent < GIGABYTE; sent += chunk.length) {
                fill(r, chunk);
                crc.update(chunk);
                out.write(chunk);
            }
            out.write(Long.toString(crc.getValue()).getBytes(StandardCharsets.US_ASCII));
        });
        int vport = Loopback.freePort();
        agent("-A -t 127.0.0.8:" + vport + " -s rr\n-a -t 127.0.0.8:" + vport + " -r 127.0.0.1:" + port + " -m\n");
        try (Socket c = new Socket("127.0.0.8", vport)) {
            c.getOutputStream().write('g');
            InputStream in = c.getInputStream();
            byte[] buf = new byte[256 * 1024];
            CRC32 crc = new CRC32();
            long received = 0;
            StringBuilder trailer = new StringBuilder();
            int n;
            while ((n = in.read(buf)) > 0) {
                long payloadLeft = GIGABYTE - received;
                int payload = (int) Math.min(n, Math.max(0, payloadLeft));
                crc.update(buf, 0, payload);
                received += payload;
                trailer.append(new String(buf, payload, n - payload, StandardCharsets.US_ASCII));
            }
            assertEquals(GIGABYTE, received);
            assertEquals(Long.toString(crc.getValue()), trailer.toString());
        }
    }

    @Test
    void halfCloseLetsTheServerAnswerAfterTheClientFinishedSending() throws Exception {
        int port = backend(s -> {
            byte[] all = s.getInputStream().readAllBytes();
            s.getOutputStream().write(("got " + all.length + " bytes").getBytes(StandardCharsets.US_ASCII));
        });
        int vport = Loopback.freePort();
        agent("-A -t 127.0.0.9:" + vport + " -s rr\n-a -t 127.0.0.9:" + vport + " -r 127.0.0.1:" + port + "\n");
        try (Socket c = new Socket("127.0.0.9", vport)) {
            c.setSoTimeout(5000);
            c.getOutputStream().write(new byte[100_000]);
            c.shutdownOutput();
            assertEquals("got 100000 bytes", new String(c.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void reloadKeepsAnEstablishedTransferToARemovedServerAlive() throws Exception {
        int slow = backend(s -> {
            s.getInputStream().read();
            OutputStream out = s.getOutputStream();
            byte[] chunk = new byte[8192];
            for (int i = 0; i < 40; i++) {
                out.write(chunk);
                out.flush();
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        NamedBackend replacement = new NamedBackend("NEW");
        resources.add(replacement);
        int vport = Loopback.freePort();
        String vip = "127.0.0.10:" + vport;
        Agent agent = agent("-A -t " + vip + " -s rr\n-a -t " + vip + " -r 127.0.0.1:" + slow + "\n");
        try (Socket c = new Socket("127.0.0.10", vport)) {
            c.setSoTimeout(5000);
            c.getOutputStream().write('g');
            CompletableFuture<Integer> transfer = CompletableFuture.supplyAsync(() -> {
                try {
                    return c.getInputStream().readAllBytes().length;
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(200);
            Files.writeString(dir.resolve("rules"), "-A -t " + vip + " -s wrr\n-a -t " + vip + " -r " + replacement.address() + "\n");
            assertEquals(0, agent.reload().exitCode());
            assertEquals("NEW", Loopback.get("127.0.0.10", vport, null), "new connections follow the new table");
            assertEquals(40 * 8192, transfer.get(10, TimeUnit.SECONDS), "the draining transfer finished intact");
        }
    }
}
