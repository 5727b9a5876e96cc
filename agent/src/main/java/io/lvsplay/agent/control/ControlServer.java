package io.lvsplay.agent.control;

import io.lvsplay.agent.Log;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.function.Function;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The agent's control endpoint: a Unix domain socket (never a TCP port, and never on the VIP), one command per
 * connection, at most {@link #CLIENT_LIMIT} clients at once, each with {@link #DEADLINE_MILLIS} to send its
 * command and take the answer.
 */
public final class ControlServer implements AutoCloseable {
    public static final int CLIENT_LIMIT = 8;
    public static final long DEADLINE_MILLIS = 5000;

    private final Path path;
    private final ServerSocketChannel server;
    private final Function<List<String>, ControlReply> handler;
    private final ControlAccess access;
    private final UserPrincipal agentUser;
    private final BoundedServer<SocketChannel> clients;

    public ControlServer(Path path, ControlAccess access, Function<List<String>, ControlReply> handler) throws IOException {
        this.path = path;
        this.handler = handler;
        this.access = access;
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
        // A client that connects before the mode is set is still refused by its credentials below.
        try {
            access.protect(path);
        } catch (IOException e) {
            server.close();
            Files.deleteIfExists(path);
            throw e;
        }
        agentUser = Files.getOwner(path);
        clients = new BoundedServer<>("control", CLIENT_LIMIT, DEADLINE_MILLIS, server::accept, this::serve,
                ch -> answer(ch, ControlReply.error("the agent is busy: " + CLIENT_LIMIT + " control clients are connected; try again")));
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

    /** Reads the request before a refusal too: closing with unread input would reset the connection, not answer. */
    private static void answer(SocketChannel ch, ControlReply reply) throws IOException {
        ControlProtocol.readAll(ch, ControlProtocol.maxRequest());
        ControlProtocol.writeAll(ch, ControlProtocol.encodeReply(reply));
    }

    private void serve(SocketChannel ch) throws IOException {
        UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
        if (!access.allows(peer, agentUser)) {
            Log.warn("control socket " + path + ": refused user " + peer.user().getName() + " (group " + peer.group().getName() + ")");
            answer(ch, ControlReply.error("permission denied: user " + peer.user().getName() + "; " + access.rule()));
            return;
        }
        String request = ControlProtocol.readAll(ch, ControlProtocol.maxRequest());
        ControlReply reply;
        try {
            reply = handler.apply(ControlProtocol.decodeRequest(request));
        } catch (RuntimeException e) {
            Log.error("control command '" + request.strip() + "' failed: " + e);
            reply = ControlReply.error("internal error: " + e);
        }
        ControlProtocol.writeAll(ch, ControlProtocol.encodeReply(reply));
    }

    @Override
    public void close() {
        try {
            clients.close();
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            Log.warn("cannot remove control socket " + path + ": " + e.getMessage());
        }
    }
}
