package io.lvsplay.agent.stats;

import io.lvsplay.agent.control.BoundedServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Optional Prometheus endpoint ({@code GET /metrics}) on a local address. One request per connection
 * ({@code Connection: close}), at most {@link #CLIENT_LIMIT} scrapers at once, each closed after
 * {@link #DEADLINE_MILLIS}: the JDK's HttpServer has no per-client deadline, and a stalled client blocked scrapes.
 */
public final class MetricsServer implements AutoCloseable {
    public static final int CLIENT_LIMIT = 4;
    public static final long DEADLINE_MILLIS = 5000;
    private static final int MAX_REQUEST_HEAD = 8192;

    private final ServerSocketChannel server;
    private final Supplier<List<ServiceSnapshot>> snapshots;
    private final BoundedServer<SocketChannel> clients;

    public MetricsServer(InetSocketAddress address, Supplier<List<ServiceSnapshot>> snapshots) throws IOException {
        this.snapshots = snapshots;
        this.server = ServerSocketChannel.open();
        server.bind(address, 16);
        clients = new BoundedServer<>("metrics", CLIENT_LIMIT, DEADLINE_MILLIS, server::accept, this::serve,
                ch -> respond(ch, "503 Service Unavailable", "too many metrics clients\n"));
    }

    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(SocketChannel ch) throws IOException {
        String requestLine = readHead(ch);
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
            respond(ch, "400 Bad Request", "bad request line\n");
        } else if (!parts[0].equals("GET")) {
            respond(ch, "405 Method Not Allowed", "only GET /metrics\n");
        } else if (!parts[1].equals("/metrics") && !parts[1].startsWith("/metrics?")) {
            respond(ch, "404 Not Found", "only GET /metrics\n");
        } else {
            respond(ch, "200 OK", PrometheusFormat.render(snapshots.get()));
        }
    }

    /** Reads up to the blank line after the headers and returns the request line. */
    private static String readHead(SocketChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(MAX_REQUEST_HEAD);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                break;
            }
            String head = new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
            if (head.contains("\r\n\r\n") || head.contains("\n\n")) {
                return head.substring(0, head.indexOf('\n')).strip();
            }
        }
        String head = new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
        int nl = head.indexOf('\n');
        return nl < 0 ? "" : head.substring(0, nl).strip();
    }

    private static void respond(SocketChannel ch, String status, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: "
                + content.length + "\r\nConnection: close\r\n\r\n";
        ByteBuffer out = ByteBuffer.allocate(head.length() + content.length);
        out.put(head.getBytes(StandardCharsets.ISO_8859_1)).put(content).flip();
        while (out.hasRemaining()) {
            ch.write(out);
        }
    }

    @Override
    public void close() {
        clients.close();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
