package io.lvsplay.engine.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.USocketFactory;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The keys an ssh-agent holds (SSH_AUTH_SOCK), through JSch's agent protocol client. The private
 * keys stay in the agent: it signs each authentication for us.
 */
public final class AgentKeys {
    private AgentKeys() {
    }

    /** The agent socket named by SSH_AUTH_SOCK's value if it is set and exists, else null. */
    public static Path socket(String sock) {
        return sock == null || sock.isBlank() || !Files.exists(Path.of(sock)) ? null : Path.of(sock);
    }

    /** The agent's keys; an agent that cannot be reached has none (ssh carries on with key files too). */
    public static List<Identity> list(Path socket) {
        try {
            AgentIdentityRepository agent = new AgentIdentityRepository(new SSHAgentConnector(new Java17Sockets(), socket));
            return List.copyOf(agent.getIdentities());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Java 17's own UNIX-domain sockets, so no native library is needed. */
    private static final class Java17Sockets implements USocketFactory {
        @Override
        public SocketChannel connect(Path path) throws IOException {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(path));
            return channel;
        }

        @Override
        public ServerSocketChannel bind(Path path) throws IOException {
            throw new IOException("lvsplay does not serve an agent");
        }
    }

}
