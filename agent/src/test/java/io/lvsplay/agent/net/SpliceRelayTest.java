package io.lvsplay.agent.net;

import io.lvsplay.agent.Agent;
import io.lvsplay.agent.Loopback;
import io.lvsplay.agent.stats.IpvsFormat;
import io.lvsplay.agent.stats.TrafficCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The zero-copy relay (splice) and the copying relay it falls back to, on loopback. */
class SpliceRelayTest {
    private static final long MB = 1 << 20;

    @TempDir
    Path dir;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private Agent agent;

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

    /** An agent with one service 127.0.0.11:VPORT to the backend; returns the virtual port. */
    private int agentFor(int backendPort, String config) throws Exception {
        int vport = Loopback.freePort();
        Agent a = Loopback.agent(dir, "-A -t 127.0.0.11:" + vport + " -s rr\n-a -t 127.0.0.11:" + vport + " -r 127.0.0.1:" + backendPort + " -m\n",
                "event_loops: 2\n" + config);
        resources.add(0, a);
        agent = a;
        return vport;
    }

    /** Sends {@code bytes} deterministic bytes and returns their CRC32. */
    private static long send(OutputStream out, long bytes, long seed) throws IOException {
        byte[] chunk = new byte[256 * 1024];
        SplittableRandom r = new SplittableRandom(seed);
        CRC32 crc = new CRC32();
        for (long sent = 0; sent < bytes; sent += chunk.length) {
            for (int i = 0; i < chunk.length; i += 8) {
                long v = r.nextLong();
                for (int j = 0; j < 8; j++) {
                    chunk[i + j] = (byte) (v >>> (8 * j));
                }
            }
            crc.update(chunk);
            out.write(chunk);
        }
        out.flush();
        return crc.getValue();
    }

    private record Received(long bytes, long crc) {
    }

    private static Received receiveAll(InputStream in) throws IOException {
        byte[] buf = new byte[256 * 1024];
        CRC32 crc = new CRC32();
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            crc.update(buf, 0, n);
            total += n;
        }
        return new Received(total, crc.getValue());
    }

    /** The backend streams {@code size} bytes after one request byte, then closes. */
    private int streamingBackend(long size) throws IOException {
        return backend(s -> {
            s.getInputStream().read();
            send(s.getOutputStream(), size, 7);
        });
    }

    private static long expectedCrc(long size) throws IOException {
        return send(OutputStream.nullOutputStream(), size, 7);
    }

    private Received download(int vport) throws IOException {
        try (Socket c = new Socket("127.0.0.11", vport)) {
            c.setSoTimeout(30_000);
            c.getOutputStream().write('g');
            return receiveAll(c.getInputStream());
        }
    }

    @Test
    void theNativeLibraryLoadsSoSpliceIsTheDefaultRelay() {
        assertNull(RelayChoice.spliceUnavailableReason());
        assertTrue(RelayChoice.of(io.lvsplay.agent.config.RelayMode.AUTO).splice());
    }

    @Test
    void aLongStreamIsSplicedByteIdenticalAndCountedInTheStats() throws Exception {
        long size = 384 * MB;
        int vport = agentFor(streamingBackend(size), "");
        Received got = download(vport);
        assertEquals(new Received(size, expectedCrc(size)), got);
        assertTrue(agent.splicedBytes() >= size - MB, "spliced " + agent.splicedBytes() + " of " + size);
        TrafficCounters.Totals t = agent.snapshot().get(0).totals();
        assertEquals(size, t.outBytes(), "every byte from the real server is counted, spliced or copied");
        assertEquals(1, t.inBytes());
        String stats = IpvsFormat.list(agent.snapshot(), IpvsFormat.Layout.STATS, true);
        assertTrue(stats.contains(" " + size + "\n") || stats.contains(" " + size + " "), stats);
    }

    @Test
    void anUploadIsSplicedAndTheClientsFinReachesTheServerAfterItsLastByte() throws Exception {
        long size = 128 * MB;
        int port = backend(s -> {
            Received r = receiveAll(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeLong(r.bytes());
            out.writeLong(r.crc());
            out.flush();
        });
        int vport = agentFor(port, "");
        try (Socket c = new Socket("127.0.0.11", vport)) {
            c.setSoTimeout(30_000);
            long crc = send(c.getOutputStream(), size, 11);
            c.shutdownOutput();
            DataInputStream in = new DataInputStream(c.getInputStream());
            assertEquals(size, in.readLong(), "bytes the server saw before the FIN");
            assertEquals(crc, in.readLong());
            assertEquals(-1, in.read(), "the server's FIN comes back too");
        }
        assertTrue(agent.splicedBytes() >= size - MB, "spliced " + agent.splicedBytes());
        Loopback.await(() -> agent.snapshot().get(0).totals().inBytes() == size, 2000, "upload counted");
    }

    @Test
    void shortExchangesNeverSwitchToSplice() throws Exception {
        int port = backend(s -> {
            s.getInputStream().read();
            s.getOutputStream().write("short answer".getBytes());
        });
        int vport = agentFor(port, "");
        assertEquals(new Received(12, crcOf("short answer".getBytes())), download(vport));
        assertEquals(0, agent.splicedBytes());
    }

    private static long crcOf(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b);
        return crc.getValue();
    }

    @Test
    void relayNioInTheConfigCopiesEveryByteAndStillRelaysStreamsIntact() throws Exception {
        long size = 128 * MB;
        int vport = agentFor(streamingBackend(size), "relay: nio\n");
        assertEquals(new Received(size, expectedCrc(size)), download(vport));
        assertEquals(0, agent.splicedBytes());
        assertEquals(size, agent.snapshot().get(0).totals().outBytes());
    }
}
