package io.lvsplay.agent.control;

import io.lvsplay.agent.Log;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The agent's control endpoint: a Unix domain socket (never a TCP port, and never on the VIP) served by one thread,
 * one command per connection.
 */
public final class ControlServer implements AutoCloseable {
    private final Path path;
    private final ServerSocketChannel server;
    private final Function<List<String>, ControlReply> handler;
    private final Thread thread;

    public ControlServer(Path path, Function<List<String>, ControlReply> handler) throws IOException {
        this.path = path;
        this.handler = handler;
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (Files.exists(path)) {
            if (answers(path)) {
                throw new IOException("another agent is already listening on control socket " + path);
            }
            Files.delete(path);
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        thread = new Thread(this::serve, "control");
        thread.setDaemon(true);
        thread.start();
    }

    public Path path() {
        return path;
    }

    private static boolean answers(Path path) {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return ch.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel ch = server.accept()) {
                String request = ControlProtocol.readAll(ch, ControlProtocol.maxRequest());
                ControlReply reply;
                try {
                    reply = handler.apply(ControlProtocol.decodeRequest(request));
                } catch (RuntimeException e) {
                    Log.error("control command '" + request.strip() + "' failed: " + e);
                    reply = ControlReply.error("internal error: " + e);
                }
                ControlProtocol.writeAll(ch, ControlProtocol.encodeReply(reply));
            } catch (IOException e) {
                if (server.isOpen()) {
                    Log.error("control socket " + path + ": " + e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            Log.warn("cannot remove control socket " + path + ": " + e.getMessage());
        }
    }
}
