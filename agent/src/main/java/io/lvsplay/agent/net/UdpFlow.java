package io.lvsplay.agent.net;

import io.lvsplay.agent.table.Assignment;
import io.lvsplay.agent.table.Destination;
import io.lvsplay.agent.table.VirtualService;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.List;
import java.util.Map;

/** One client's datagrams to one real server, through a connected socket of its own. */
final class UdpFlow extends LoopResident {
    private final EventLoop loop;
    private final VirtualService service;
    private final DatagramChannel vipChannel;
    private final InetSocketAddress client;
    private final Map<InetSocketAddress, UdpFlow> flows;
    private final Assignment assignment;
    private final Destination destination;
    private final DatagramChannel backend;
    private final ByteBuffer datagram;
    private long lastActivity = System.nanoTime();
    private boolean closed;

    private UdpFlow(EventLoop loop, VirtualService service, DatagramChannel vipChannel, InetSocketAddress client,
                    Map<InetSocketAddress, UdpFlow> flows, Assignment assignment, DatagramChannel backend, ByteBuffer datagram) {
        this.loop = loop;
        this.service = service;
        this.vipChannel = vipChannel;
        this.client = client;
        this.flows = flows;
        this.assignment = assignment;
        this.destination = assignment.destination();
        this.backend = backend;
        this.datagram = datagram;
    }

    /** Schedules a real server for a new client; null when none is available (the datagram is dropped, as IPVS does). */
    static UdpFlow open(EventLoop loop, VirtualService service, DatagramChannel vipChannel, InetSocketAddress client,
                        Map<InetSocketAddress, UdpFlow> flows, ByteBuffer datagram) {
        Assignment a = service.schedule(client.getAddress(), client.getPort(), List.of());
        if (a == null) {
            return null;
        }
        DatagramChannel ch = null;
        try {
            ch = DatagramChannel.open();
            ch.configureBlocking(false);
            ch.connect(a.destination().address().socketAddress());
            UdpFlow flow = new UdpFlow(loop, service, vipChannel, client, flows, a, ch, datagram);
            loop.register(ch, SelectionKey.OP_READ, key -> flow.reply());
            // UDP flows have no established state: IPVS counts them as inactive connections.
            a.destination().connectionOpened();
            service.counters().connection();
            service.bounds().udpFlowOpened();
            flows.put(client, flow);
            loop.add(flow);
            return flow;
        } catch (IOException e) {
            service.release(a);
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing else to release
                }
            }
            return null;
        }
    }

    void forward(ByteBuffer datagram) {
        int n = datagram.remaining();
        try {
            backend.write(datagram);
            lastActivity = System.nanoTime();
            destination.counters().inbound(n);
            service.counters().inbound(n);
        } catch (IOException e) {
            // ICMP port unreachable from an earlier datagram: end the flow; the next datagram schedules again.
            close();
        }
    }

    /** Shares the forwarder's datagram buffer: both run on the same event loop, one datagram at a time. */
    private void reply() {
        ByteBuffer buf = datagram;
        try {
            for (int i = 0; i < 64; i++) {
                buf.clear();
                int n = backend.read(buf);
                if (n <= 0) {
                    return;
                }
                if (!buf.hasRemaining()) {
                    service.bounds().oversizeDatagram();
                    continue;
                }
                buf.flip();
                vipChannel.send(buf, client);
                lastActivity = System.nanoTime();
                destination.counters().outbound(n);
                service.counters().outbound(n);
            }
        } catch (IOException e) {
            close();
        }
    }

    @Override
    void sweep(long now) {
        if (now - lastActivity > loop.settings().udpIdleNanos()) {
            close();
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.remove(this);
        flows.remove(client, this);
        try {
            backend.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        service.bounds().udpFlowClosed();
        destination.connectionClosed(false);
        service.release(assignment);
    }
}
