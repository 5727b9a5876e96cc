package io.lvsplay.agent.net;

import io.lvsplay.agent.Log;
import io.lvsplay.agent.rules.ProxyMode;
import io.lvsplay.agent.table.Assignment;
import io.lvsplay.agent.table.Destination;
import io.lvsplay.agent.table.VirtualService;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * One proxied TCP connection: client socket, real-server socket and a byte pump each way. A direction that cannot
 * write stops reading (backpressure), a FIN is forwarded with shutdownOutput (half-close), and the connection ends
 * when both directions have forwarded their FIN, on error, or after the ipvsadm idle timeout. A direction copies
 * through pooled buffers until a read fills a whole buffer; then, where the loop splices, it moves on to splice(2)
 * through its own pipe (2 descriptors, so short and idle connections never hold one).
 */
final class TcpRelay extends LoopResident {
    private static final int READS_PER_EVENT = 8;

    private final EventLoop loop;
    private final VirtualService service;
    private final SocketChannel client;
    private InetSocketAddress clientAddress;
    /** Set while an accept_proxy service waits for the client's PROXY header. */
    private ByteBuffer proxyIn;
    private final SelectionKey clientKey;
    private final Direction upstream = new Direction(true);
    private final Direction downstream = new Direction(false);
    private SocketChannel backend;
    private SelectionKey backendKey;
    private Assignment assignment;
    private Destination destination;
    private List<Destination> refused = List.of();
    private long connectStarted;
    private long lastActivity;
    private boolean established;
    private boolean finSeen;
    private boolean closed;

    private TcpRelay(EventLoop loop, VirtualService service, SocketChannel client) throws IOException {
        this.loop = loop;
        this.service = service;
        this.client = client;
        this.clientAddress = (InetSocketAddress) client.getRemoteAddress();
        client.configureBlocking(false);
        client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        // Client bytes wait in the kernel until the real server is connected (but a PROXY header is read first).
        if (service.options().acceptProxy()) {
            proxyIn = ByteBuffer.allocate(ProxyHeader.MAX_HEADER);
            connectStarted = System.nanoTime();
        }
        this.clientKey = loop.register(client, proxyIn != null ? SelectionKey.OP_READ : 0, this::onClientReady);
    }

    /** Takes over a freshly accepted client connection. Runs on the loop thread. */
    static void start(EventLoop loop, VirtualService service, SocketChannel client) {
        TcpRelay relay;
        try {
            relay = new TcpRelay(loop, service, client);
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        loop.add(relay);
        if (relay.proxyIn == null) {
            relay.connect();
        }
    }

    /** accept_proxy: the header names the real client, which the scheduler (sh, persistence) must see. */
    private void readProxyHeader() {
        try {
            if (client.read(proxyIn) < 0) {
                close();
                return;
            }
            ProxyHeader.Parsed p = ProxyHeader.decode(proxyIn.duplicate().flip());
            if (p == null) {
                if (!proxyIn.hasRemaining()) {
                    throw new ProxyHeader.ProtocolException("PROXY header longer than " + ProxyHeader.MAX_HEADER + " bytes");
                }
                return;
            }
            if (p.source() != null) {
                clientAddress = p.source();
            }
            int leftover = proxyIn.position() - p.length();
            if (leftover > 0) {
                ByteBuffer early = loop.buffers().take();
                early.put(proxyIn.array(), p.length(), leftover).flip();
                upstream.pending = early;
            }
            proxyIn = null;
            clientKey.interestOps(0);
            connect();
        } catch (ProxyHeader.ProtocolException e) {
            Log.warn("service " + service.key() + ": connection from " + clientAddress + " refused: " + e.getMessage());
            abort();
        } catch (IOException e) {
            abort();
        }
    }

    private void connect() {
        assignment = service.schedule(clientAddress.getAddress(), clientAddress.getPort(), refused);
        if (assignment == null) {
            if (!refused.isEmpty()) {
                Log.warn("service " + service.key() + ": no real server accepted the connection from " + clientAddress + "; tried " + refused);
            }
            abort();
            return;
        }
        destination = assignment.destination();
        destination.connectionOpened();
        service.counters().connection();
        connectStarted = System.nanoTime();
        if (service.options().transparent()) {
            try {
                backend = TransparentSockets.open(clientAddress.getAddress());
            } catch (IOException e) {
                // the director cannot speak as the client: no real server would do better, so refuse, and say why
                Log.warn("service " + service.key() + ": connection from " + clientAddress + " refused: " + e.getMessage());
                abort();
                return;
            }
        }
        try {
            if (backend == null) {
                backend = SocketChannel.open();
            }
            backend.configureBlocking(false);
            backend.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean done = backend.connect(destination.address().socketAddress());
            backendKey = loop.register(backend, done ? 0 : SelectionKey.OP_CONNECT, this::onBackendReady);
            if (done) {
                connected();
            }
        } catch (IOException e) {
            connectFailed();
        }
    }

    private void finishConnect() {
        try {
            if (backend.finishConnect()) {
                connected();
            }
        } catch (IOException e) {
            connectFailed();
        }
    }

    /** A refused or timed-out real server costs the client nothing: the next one the scheduler gives is tried. */
    private void connectFailed() {
        closeQuietly(backend);
        backend = null;
        backendKey = null;
        destination.connectionClosed(false);
        service.release(assignment);
        if (refused.isEmpty()) {
            refused = new ArrayList<>(2);
        }
        refused.add(destination);
        destination.counters().connectRetry();
        service.counters().connectRetry();
        destination = null;
        assignment = null;
        connect();
    }

    private void connected() {
        ProxyMode mode = destination.sendProxy().orElse(service.options().sendProxy());
        if (mode != ProxyMode.NONE && !sendProxyHeader(mode)) {
            return;
        }
        established = true;
        destination.connectionEstablished();
        lastActivity = System.nanoTime();
        if (upstream.pending != null) {
            // Bytes that came with the client's PROXY header go first; flush() then resumes reading the client.
            backendKey.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            return;
        }
        backendKey.interestOps(SelectionKey.OP_READ);
        clientKey.interestOps(SelectionKey.OP_READ);
    }

    /** The header is at most 108 bytes into a socket that has sent nothing yet: one write takes it whole. */
    private boolean sendProxyHeader(ProxyMode mode) {
        try {
            ByteBuffer header = ProxyHeader.encode(mode, clientAddress, (InetSocketAddress) client.getLocalAddress());
            backend.write(header);
            if (header.hasRemaining()) {
                throw new IOException("short write of the PROXY header");
            }
            return true;
        } catch (IOException e) {
            abort();
            return false;
        }
    }

    private void onClientReady(SelectionKey key) {
        if (proxyIn != null) {
            readProxyHeader();
            return;
        }
        int ready = key.readyOps();
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            flush(downstream);
        }
        if (!closed && (ready & SelectionKey.OP_READ) != 0) {
            pump(upstream);
        }
    }

    private void onBackendReady(SelectionKey key) {
        int ready = key.readyOps();
        if ((ready & SelectionKey.OP_CONNECT) != 0) {
            finishConnect();
            return;
        }
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            flush(upstream);
        }
        if (!closed && (ready & SelectionKey.OP_READ) != 0) {
            pump(downstream);
        }
    }

    private void pump(Direction d) {
        if (d.pipe != null) {
            splice(d);
        } else {
            copy(d);
        }
    }

    /** The copying relay: read into a pooled buffer, write it out. */
    private void copy(Direction d) {
        ByteBuffer buf = loop.buffers().take();
        try {
            for (int round = 0; round < READS_PER_EVENT; round++) {
                int n = d.source().read(buf);
                if (n < 0) {
                    d.eof = true;
                    d.sourceKey().interestOpsAnd(~SelectionKey.OP_READ);
                    forwardFin(d);
                    return;
                }
                if (n == 0) {
                    return;
                }
                lastActivity = System.nanoTime();
                d.count(n);
                buf.flip();
                d.sink().write(buf);
                if (buf.hasRemaining()) {
                    // Backpressure: park the rest, stop reading this side until the other side drains.
                    d.pending = buf;
                    buf = null;
                    d.sourceKey().interestOpsAnd(~SelectionKey.OP_READ);
                    d.sinkKey().interestOpsOr(SelectionKey.OP_WRITE);
                    return;
                }
                if (n < buf.capacity() || startSplicing(d)) {
                    return;
                }
                buf.clear();
            }
        } catch (IOException e) {
            abort();
        } finally {
            if (buf != null) {
                loop.buffers().give(buf);
            }
        }
    }

    /** A read that filled the whole buffer means a bulk stream: from now on the kernel moves it (splice, no copies). */
    private boolean startSplicing(Direction d) {
        if (d.pipe != null) {
            return true;
        }
        if (!loop.splices() || d.copyOnly) {
            return false;
        }
        try {
            d.sourceFd = NativeEpoll.get().fd(d.source());
            d.sinkFd = NativeEpoll.get().fd(d.sink());
            d.pipe = SplicePipe.open();
            return true;
        } catch (IOException e) {
            // no descriptor left for a pipe: this connection keeps copying
            d.copyOnly = true;
            return false;
        }
    }

    /** The zero-copy relay. Reading is on only while the pipe is empty, so the pipe and the buffers never interleave. */
    private void splice(Direction d) {
        try {
            for (int round = 0; round < READS_PER_EVENT; round++) {
                int n = d.pipe.fill(d.sourceFd);
                if (n == 0) {
                    // nothing there, or end of stream: a plain read tells which (and takes any bytes that just came)
                    copy(d);
                    return;
                }
                lastActivity = System.nanoTime();
                d.count(n);
                loop.spliced(n);
                if (!d.pipe.drain(d.sinkFd)) {
                    d.sourceKey().interestOpsAnd(~SelectionKey.OP_READ);
                    d.sinkKey().interestOpsOr(SelectionKey.OP_WRITE);
                    return;
                }
                if (n < SplicePipe.CHUNK) {
                    return;
                }
            }
        } catch (IOException e) {
            abort();
        }
    }

    private void flush(Direction d) {
        if (d.pipe != null && d.pipe.holdsBytes()) {
            try {
                if (!d.pipe.drain(d.sinkFd)) {
                    return;
                }
            } catch (IOException e) {
                abort();
                return;
            }
            resume(d);
            return;
        }
        if (d.pending == null) {
            d.sinkKey().interestOpsAnd(~SelectionKey.OP_WRITE);
            return;
        }
        try {
            d.sink().write(d.pending);
        } catch (IOException e) {
            abort();
            return;
        }
        if (d.pending.hasRemaining()) {
            return;
        }
        loop.buffers().give(d.pending);
        d.pending = null;
        resume(d);
    }

    /** The sink took everything: pass on a FIN that came meanwhile, or read the source again. */
    private void resume(Direction d) {
        d.sinkKey().interestOpsAnd(~SelectionKey.OP_WRITE);
        if (d.eof) {
            forwardFin(d);
        } else {
            d.sourceKey().interestOpsOr(SelectionKey.OP_READ);
        }
    }

    /** Source sent FIN and everything before it is delivered: pass the FIN on, keep the other direction open. */
    private void forwardFin(Direction d) {
        if (d.pending != null || d.shut || (d.pipe != null && d.pipe.holdsBytes())) {
            return;
        }
        try {
            d.sink().shutdownOutput();
        } catch (IOException e) {
            abort();
            return;
        }
        d.shut = true;
        if (!finSeen) {
            finSeen = true;
            destination.connectionClosing();
        }
        if (upstream.shut && downstream.shut) {
            close();
        }
    }

    @Override
    void sweep(long now) {
        RelaySettings s = loop.settings();
        if (!established) {
            if (proxyIn != null && now - connectStarted > s.connectTimeout().toNanos()) {
                Log.warn("service " + service.key() + ": no PROXY header from " + clientAddress + " within the connect timeout");
                abort();
            } else if (backend != null && now - connectStarted > s.connectTimeout().toNanos()) {
                connectFailed();
            }
            return;
        }
        long limit = finSeen ? s.tcpFinIdleNanos() : s.tcpIdleNanos();
        if (now - lastActivity > limit) {
            close();
        }
    }

    /** Error on either side: reset both, as a router dropping the connection would look to each peer. */
    private void abort() {
        if (closed) {
            return;
        }
        linger0(client);
        if (backend != null) {
            linger0(backend);
        }
        close();
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.remove(this);
        closeQuietly(client);
        if (backend != null) {
            closeQuietly(backend);
        }
        for (Direction d : new Direction[]{upstream, downstream}) {
            if (d.pending != null) {
                loop.buffers().give(d.pending);
                d.pending = null;
            }
            if (d.pipe != null) {
                d.pipe.close();
                d.pipe = null;
            }
        }
        if (destination != null) {
            destination.connectionClosed(established && !finSeen);
            service.release(assignment);
            destination = null;
        }
    }

    private static void linger0(SocketChannel ch) {
        try {
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException ignored) {
            // already closed: nothing to reset
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    /** One direction of the relay: client to real server (upstream) or back (downstream). */
    private final class Direction {
        final boolean inbound;
        ByteBuffer pending;
        /** Set once this direction relays with splice; its descriptors are cached with it. */
        SplicePipe pipe;
        int sourceFd;
        int sinkFd;
        boolean copyOnly;
        boolean eof;
        boolean shut;

        Direction(boolean inbound) {
            this.inbound = inbound;
        }

        SocketChannel source() { return inbound ? client : backend; }

        SocketChannel sink() { return inbound ? backend : client; }

        SelectionKey sourceKey() { return inbound ? clientKey : backendKey; }

        SelectionKey sinkKey() { return inbound ? backendKey : clientKey; }

        void count(int bytes) {
            if (inbound) {
                destination.counters().inbound(bytes);
                service.counters().inbound(bytes);
            } else {
                destination.counters().outbound(bytes);
                service.counters().outbound(bytes);
            }
        }
    }
}
