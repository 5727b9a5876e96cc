package io.lvsplay.agent.net;

import io.lvsplay.agent.Agent;
import io.lvsplay.agent.Loopback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UdpForwardingTest {
    @TempDir
    Path dir;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    /** Echoes "NAME:payload" back to the sender. */
    private int echo(String name) throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        resources.add(s);
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65536];
            while (!s.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    s.receive(p);
                    byte[] reply = (name + ":" + new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
                    s.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                } catch (Exception e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return s.getLocalPort();
    }

    @Test
    void echoesThroughTheAgentAndKeepsEachClientOnOneServer() throws Exception {
        int a = echo("A");
        int b = echo("B");
        int vport = Loopback.freePort();
        String vip = "127.0.0.11:" + vport;
        Agent agent = Loopback.agent(dir, "-A -u " + vip + " -s rr\n-a -u " + vip + " -r 127.0.0.1:" + a + " -m\n-a -u " + vip + " -r 127.0.0.1:" + b + " -m\n", null);
        resources.add(0, agent);
        Set<String> servers = new HashSet<>();
        for (int client = 0; client < 4; client++) {
            try (DatagramSocket c = new DatagramSocket(new InetSocketAddress("127.0.2." + (client + 1), 0))) {
                c.setSoTimeout(3000);
                String first = null;
                for (int i = 0; i < 5; i++) {
                    byte[] msg = ("ping" + i).getBytes(StandardCharsets.US_ASCII);
                    c.send(new DatagramPacket(msg, msg.length, InetAddress.getByName("127.0.0.11"), vport));
                    DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
                    c.receive(p);
                    assertEquals(new InetSocketAddress("127.0.0.11", vport), p.getSocketAddress(), "replies come from the VIP");
                    String[] reply = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII).split(":");
                    assertEquals("ping" + i, reply[1]);
                    if (first == null) {
                        first = reply[0];
                    }
                    assertEquals(first, reply[0], "a client's datagrams stay with one server");
                }
                servers.add(first);
            }
        }
        assertEquals(Set.of("A", "B"), servers, "rr spreads new clients");
        assertEquals(4, agent.snapshot().get(0).totals().conns());
    }

    @Test
    void aMaximumSizeDatagramCrossesWholeInBothDirections() throws Exception {
        int a = echo("A");
        int vport = Loopback.freePort();
        Agent agent = Loopback.agent(dir, "-A -u 127.0.0.11:" + vport + " -s rr\n-a -u 127.0.0.11:" + vport + " -r 127.0.0.1:" + a + " -m\n", "buffer_size: 4096\n");
        resources.add(0, agent);
        try (DatagramSocket c = new DatagramSocket(new InetSocketAddress("127.0.2.9", 0))) {
            c.setSoTimeout(3000);
            byte[] big = new byte[65_505];
            java.util.Arrays.fill(big, (byte) 'x');
            c.send(new DatagramPacket(big, big.length, InetAddress.getByName("127.0.0.11"), vport));
            DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
            c.receive(p);
            assertEquals(2 + big.length, p.getLength(), "65,505 bytes out, 'A:' + 65,505 bytes back, nothing cut");
        }
        assertEquals(0, agent.snapshot().get(0).bounds().oversizeDatagrams());
    }

    @Test
    void newClientsBeyondTheFlowLimitAreDroppedAndCountedAndIdleFlowsFreeTheirPlace() throws Exception {
        int a = echo("A");
        int vport = Loopback.freePort();
        Agent agent = Loopback.agent(dir, "-A -u 127.0.0.11:" + vport + " -s rr\n-a -u 127.0.0.11:" + vport + " -r 127.0.0.1:" + a + " -m\n",
                "limits: {udp_flows: 2}\ntimeouts: {udp: 1}\n");
        resources.add(0, agent);
        List<DatagramSocket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                DatagramSocket c = new DatagramSocket(new InetSocketAddress("127.0.3." + (i + 1), 0));
                c.setSoTimeout(i < 2 ? 3000 : 500);
                clients.add(c);
                c.send(new DatagramPacket(new byte[] {'p'}, 1, InetAddress.getByName("127.0.0.11"), vport));
                DatagramPacket p = new DatagramPacket(new byte[64], 64);
                if (i < 2) {
                    c.receive(p);
                } else {
                    org.junit.jupiter.api.Assertions.assertThrows(java.net.SocketTimeoutException.class, () -> c.receive(p));
                }
            }
            assertEquals(1, agent.snapshot().get(0).bounds().udpFlowsRefused());
            assertEquals(2, agent.snapshot().get(0).bounds().udpFlows());
            Loopback.await(() -> agent.snapshot().get(0).bounds().udpFlows() == 0, 5000, "idle flows to expire");
            DatagramSocket third = clients.get(2);
            third.setSoTimeout(3000);
            third.send(new DatagramPacket(new byte[] {'p'}, 1, InetAddress.getByName("127.0.0.11"), vport));
            third.receive(new DatagramPacket(new byte[64], 64));
        } finally {
            clients.forEach(DatagramSocket::close);
        }
    }
}
