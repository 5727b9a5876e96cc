package io.lvsplay.agent.net;

import io.lvsplay.agent.Agent;
import io.lvsplay.agent.Loopback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PROXY protocol towards real servers (send_proxy) and from a load balancer in front (accept_proxy). The real
 * server here parses the header itself, byte by byte as the spec describes, and answers with what it learned
 * followed by the first payload line it received.
 */
class ProxyProtocolTest {
    @TempDir
    Path dir;
    private ServerSocket real;

    @AfterEach
    void tearDown() throws IOException {
        if (real != null) {
            real.close();
        }
    }

    /** Starts the parsing real server on 127.0.0.1 and returns its port. */
    private int realServer() throws IOException {
        real = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(() -> {
            while (!real.isClosed()) {
                try (Socket s = real.accept()) {
                    s.setSoTimeout(3000);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    String seen = in.read() == 'P' ? "v1 " + ("P" + line(in)) : v2(in);
                    String payload = line(in);
                    OutputStream out = s.getOutputStream();
                    out.write((seen + " | " + payload + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // next connection
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return real.getLocalPort();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    /** The 0x0D already read; the rest of the 12-byte signature, version/command, family, length, addresses. */
    private static String v2(DataInputStream in) throws IOException {
        byte[] sig = new byte[11];
        in.readFully(sig);
        int verCmd = in.readUnsignedByte();
        int fam = in.readUnsignedByte();
        int len = in.readUnsignedShort();
        byte[] body = new byte[len];
        in.readFully(body);
        String src = (body[0] & 0xff) + "." + (body[1] & 0xff) + "." + (body[2] & 0xff) + "." + (body[3] & 0xff);
        String dst = (body[4] & 0xff) + "." + (body[5] & 0xff) + "." + (body[6] & 0xff) + "." + (body[7] & 0xff);
        int sport = (body[8] & 0xff) << 8 | (body[9] & 0xff);
        int dport = (body[10] & 0xff) << 8 | (body[11] & 0xff);
        return String.format("v2 ver_cmd=%02x fam=%02x len=%d %s:%d -> %s:%d", verCmd, fam, len, src, sport, dst, dport);
    }

    private static String exchange(int vport, String localAddress, String send) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(localAddress, 0));
            s.connect(new InetSocketAddress("127.0.0.40", vport), 3000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(send.getBytes(StandardCharsets.US_ASCII));
            return line(s.getInputStream()).replace(":" + s.getLocalPort() + " ", ":SPORT ").replace(" " + s.getLocalPort() + " ", " SPORT ");
        }
    }

    @Test
    void sendProxyV1ForTheServiceTellsTheRealServerTheClientAndTheVip() throws Exception {
        int rport = realServer();
        int vport = Loopback.freePort();
        String rules = "-A -t 127.0.0.40:" + vport + " -s rr\n-a -t 127.0.0.40:" + vport + " -r 127.0.0.1:" + rport + " -m\n";
        try (Agent agent = Loopback.agent(dir, rules, "services:\n  - service: tcp 127.0.0.40:" + vport + "\n    send_proxy: v1\n")) {
            assertEquals("v1 PROXY TCP4 127.0.0.41 127.0.0.40 SPORT " + vport + " | hello", exchange(vport, "127.0.0.41", "hello\n"));
        }
    }

    @Test
    void sendProxyV2ForOneRealServerFromTheRulesComment() throws Exception {
        int rport = realServer();
        int vport = Loopback.freePort();
        String rules = "-A -t 127.0.0.40:" + vport + " -s rr\n-a -t 127.0.0.40:" + vport + " -r 127.0.0.1:" + rport + " -m   # lvsplay: send_proxy=v2\n";
        try (Agent agent = Loopback.agent(dir, rules, null)) {
            assertEquals("v2 ver_cmd=21 fam=11 len=12 127.0.0.42:SPORT -> 127.0.0.40:" + vport + " | hello", exchange(vport, "127.0.0.42", "hello\n"));
        }
    }

    @Test
    void acceptProxyTakesTheClientFromTheLoadBalancersHeaderAndForwardsTheBytesAfterIt() throws Exception {
        int rport = realServer();
        int vport = Loopback.freePort();
        String rules = "-A -t 127.0.0.40:" + vport + " -s rr\n-a -t 127.0.0.40:" + vport + " -r 127.0.0.1:" + rport + " -m\n";
        String config = "services:\n  - service: tcp 127.0.0.40:" + vport + "\n    accept_proxy: true\n    send_proxy: v1\n";
        try (Agent agent = Loopback.agent(dir, rules, config)) {
            // Header and first payload in one segment, as a load balancer sends them.
            assertEquals("v1 PROXY TCP4 198.51.100.7 127.0.0.40 4444 " + vport + " | early bytes",
                    exchange(vport, "127.0.0.43", "PROXY TCP4 198.51.100.7 127.0.0.40 4444 " + vport + "\r\nearly bytes\n"));
            // Not a PROXY header: the connection is refused (reset), nothing reaches the real server.
            String refused;
            try {
                refused = exchange(vport, "127.0.0.43", "GET / HTTP/1.0\r\n\r\n");
            } catch (IOException e) {
                refused = "";
            }
            assertEquals("", refused);
        }
    }
}
