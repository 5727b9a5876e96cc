package io.lvsplay.agent.net;

import io.lvsplay.agent.Log;
import io.lvsplay.agent.table.VirtualService;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A UDP virtual service: datagrams from one client address form a flow that sticks to one real server until it is
 * idle for the udp timeout; replies go back from the VIP socket so the client sees the address it talked to.
 */
public final class UdpForwarder extends VipListener {
    private static final int DATAGRAMS_PER_EVENT = 64;
    /** Larger than any IPv4 UDP payload (65,507 bytes), so a datagram is never cut; a full buffer means oversize. */
    static final int DATAGRAM_BUFFER = 65536;

    private final EventLoop loop;
    private final Map<InetSocketAddress, UdpFlow> flows = new HashMap<>();
    private final ByteBuffer datagram = ByteBuffer.allocateDirect(DATAGRAM_BUFFER);
    private DatagramChannel vipChannel;

    public UdpForwarder(VirtualService service, EventLoop loop, ScheduledExecutorService retryTimer) {
        super(service, retryTimer);
        this.loop = loop;
    }

    @Override
    protected void bind() throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.configureBlocking(false);
            ch.bind(service.key().vip().socketAddress());
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        vipChannel = ch;
        loop.execute(() -> {
            try {
                loop.register(ch, SelectionKey.OP_READ, key -> receive());
            } catch (IOException e) {
                Log.error("service " + service.key() + ": cannot register UDP socket: " + e.getMessage());
            }
        });
    }

    private void receive() {
        ByteBuffer buf = datagram;
        try {
            for (int i = 0; i < DATAGRAMS_PER_EVENT; i++) {
                buf.clear();
                InetSocketAddress from = (InetSocketAddress) vipChannel.receive(buf);
                if (from == null) {
                    return;
                }
                if (!buf.hasRemaining()) {
                    service.bounds().oversizeDatagram();
                    continue;
                }
                buf.flip();
                UdpFlow flow = flows.get(from);
                if (flow == null) {
                    if (flows.size() >= service.limits().udpFlows()) {
                        service.bounds().udpFlowRefused();
                        continue;
                    }
                    flow = UdpFlow.open(loop, service, vipChannel, from, flows, datagram);
                    if (flow == null) {
                        continue;
                    }
                }
                flow.forward(buf);
            }
        } catch (IOException e) {
            Log.error("service " + service.key() + ": UDP receive failed: " + e.getMessage());
        }
    }

    @Override
    protected void unbind() {
        DatagramChannel ch = vipChannel;
        loop.execute(() -> {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
            // Flows need the VIP socket to answer; without it they can only end.
            for (UdpFlow f : flows.values().toArray(new UdpFlow[0])) {
                f.close();
            }
        });
    }
}
