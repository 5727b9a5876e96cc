package io.lvsplay.agent.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

/** Sends one command to a running agent over its control socket. */
public final class ControlClient {
    private static final int MAX_REPLY = 64 * 1024 * 1024;

    private ControlClient() {
    }

    /** Like {@link #call} with an unreachable agent as an error reply. */
    public static ControlReply send(Path socket, List<String> words) {
        try {
            return call(socket, words);
        } catch (IOException e) {
            return ControlReply.error("cannot reach the agent on control socket " + socket + ": " + e.getMessage()
                    + " (is 'lvsplay-agent run' running? use --control PATH if it uses another socket)");
        }
    }

    public static ControlReply call(Path socket, List<String> words) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ControlProtocol.writeAll(ch, ControlProtocol.encodeRequest(words));
            ch.shutdownOutput();
            return ControlProtocol.decodeReply(ControlProtocol.readAll(ch, MAX_REPLY));
        }
    }
}
