package io.lvsplay.agent.net;

import io.lvsplay.agent.Log;
import io.lvsplay.agent.table.VirtualService;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Accepts a TCP virtual service on every event loop: one listening socket per loop with SO_REUSEPORT, so the
 * kernel spreads new connections across loops and no connection is handed between threads.
 */
public final class TcpListener extends VipListener {
    private static final int BACKLOG = 4096;
    private static final int ACCEPTS_PER_EVENT = 64;

    private final EventLoop[] loops;
    private final List<ServerSocketChannel> channels = new ArrayList<>();

    public TcpListener(VirtualService service, EventLoop[] loops, ScheduledExecutorService retryTimer) {
        super(service, retryTimer);
        this.loops = loops;
    }

    @Override
    protected void bind() throws IOException {
        List<ServerSocketChannel> opened = new ArrayList<>();
        try {
            for (int i = 0; i < loops.length; i++) {
                ServerSocketChannel ch = ServerSocketChannel.open();
                opened.add(ch);
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                if (loops.length > 1 && ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
                ch.configureBlocking(false);
                ch.bind(service.key().vip().socketAddress(), BACKLOG);
                if (!ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    break;
                }
            }
        } catch (IOException e) {
            opened.forEach(TcpListener::closeQuietly);
            throw e;
        }
        channels.addAll(opened);
        for (int i = 0; i < opened.size(); i++) {
            EventLoop loop = loops[i];
            ServerSocketChannel ch = opened.get(i);
            loop.execute(() -> register(loop, ch));
        }
    }

    private void register(EventLoop loop, ServerSocketChannel ch) {
        try {
            loop.register(ch, SelectionKey.OP_ACCEPT, key -> acceptAll(loop, ch, key));
        } catch (IOException e) {
            Log.error("service " + service.key() + ": cannot register listener: " + e.getMessage());
        }
    }

    private void acceptAll(EventLoop loop, ServerSocketChannel ch, SelectionKey key) {
        for (int i = 0; i < ACCEPTS_PER_EVENT; i++) {
            SocketChannel client;
            try {
                client = ch.accept();
            } catch (IOException e) {
                // Typically EMFILE: pause accepting briefly instead of spinning on a ready listener.
                Log.error("service " + service.key() + ": accept failed: " + e.getMessage() + "; check ulimit -n");
                key.interestOps(0);
                loop.execute(() -> pauseThenResume(loop, key));
                return;
            }
            if (client == null) {
                return;
            }
            TcpRelay.start(loop, service, client);
        }
    }

    private void pauseThenResume(EventLoop loop, SelectionKey key) {
        retryTimer.schedule(() -> loop.execute(() -> {
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_ACCEPT);
            }
        }), 100, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void unbind() {
        for (ServerSocketChannel ch : channels) {
            closeQuietly(ch);
        }
        channels.clear();
        for (EventLoop loop : loops) {
            loop.execute(() -> { });
        }
    }

    private static void closeQuietly(ServerSocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
