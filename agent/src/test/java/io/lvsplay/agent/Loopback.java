package io.lvsplay.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/** Test fixtures on 127.0.0.0/8 only: backends that answer their own name, an HTTP client, a started agent. */
public final class Loopback {
    private Loopback() {
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** Starts an agent on the given rules/config text with its control socket in {@code dir}. */
    public static Agent agent(Path dir, String rules, String config) throws Exception {
        Path r = dir.resolve("rules");
        Files.writeString(r, rules);
        Optional<Path> c = Optional.empty();
        if (config != null) {
            c = Optional.of(Files.writeString(dir.resolve("agent.yml"), config));
        }
        Agent a = Agent.start(r, c, Optional.of(dir.resolve("control.sock")));
        await(a::allBound, 5000, "agent listeners bound");
        return a;
    }

    /** What a {@link #backend} does with each accepted connection, on its own thread. */
    public interface SocketSession {
        void run(Socket s) throws IOException;
    }

    /** A backend on 127.0.0.1 (port chosen by the kernel) that runs {@code session} for every connection; close it to stop. */
    public static ServerSocket backend(SocketSession session) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket c = s.accept();
                    Thread w = new Thread(() -> {
                        try (c) {
                            session.run(c);
                        } catch (IOException ignored) {
                            // client gone
                        }
                    });
                    w.setDaemon(true);
                    w.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return s;
    }

    public static void await(BooleanSupplier condition, long timeoutMillis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** GET / over HTTP/1.0 from an optional local address; returns the body. */
    public static String get(String host, int port, String localAddress) throws IOException {
        try (Socket s = new Socket()) {
            if (localAddress != null) {
                s.bind(new InetSocketAddress(localAddress, 0));
            }
            s.connect(new InetSocketAddress(host, port), 3000);
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET / HTTP/1.0\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int body = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.0 200") || body < 0) {
                throw new IOException("bad response: '" + response + "'");
            }
            return response.substring(body + 4);
        }
    }

    /** A tiny HTTP/1.0 server on 127.0.0.1 that answers every request with its name (thread per connection). */
    public static final class NamedBackend implements AutoCloseable {
        public final String name;
        public final int port;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile ServerSocket server;

        public NamedBackend(String name, int port) throws IOException {
            this.name = name;
            this.port = port;
            start();
        }

        public NamedBackend(String name) throws IOException {
            this(name, freePort());
        }

        public String address() {
            return "127.0.0.1:" + port;
        }

        public void start() throws IOException {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port), 512);
            server = s;
            Thread t = new Thread(() -> acceptLoop(s), "backend-" + name);
            t.setDaemon(true);
            t.start();
        }

        private void acceptLoop(ServerSocket s) {
            while (!s.isClosed()) {
                try {
                    Socket c = s.accept();
                    open.add(c);
                    Thread t = new Thread(() -> answer(c), "backend-" + name + "-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void answer(Socket c) {
            try (c) {
                InputStream in = c.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    head.write(b);
                    if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                        break;
                    }
                }
                byte[] body = name.getBytes(StandardCharsets.US_ASCII);
                OutputStream out = c.getOutputStream();
                out.write(("HTTP/1.0 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException ignored) {
                // the client went away
            } finally {
                open.remove(c);
            }
        }

        /** Kills the backend: closes the listener (new connects are refused) and every open connection. */
        public void stop() throws IOException {
            server.close();
            for (Socket s : List.copyOf(open)) {
                s.close();
            }
        }

        @Override
        public void close() throws IOException {
            stop();
        }
    }
}
