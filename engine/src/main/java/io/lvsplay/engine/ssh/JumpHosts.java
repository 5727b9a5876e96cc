package io.lvsplay.engine.ssh;

import io.lvsplay.engine.transport.TransportException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import net.schmizz.sshj.SSHClient;

/**
 * The connections to jump hosts (ProxyJump), one per jump host for the whole run: every host behind
 * it tunnels through that one connection (direct-tcpip channels). A jump host that failed stays failed.
 */
final class JumpHosts implements AutoCloseable {
    private final SshConnector connector;
    private final Map<String, SSHClient> open = new HashMap<>();
    private final Map<String, TransportException> failed = new HashMap<>();

    JumpHosts(SshConnector connector) {
        this.connector = connector;
    }

    synchronized SSHClient client(SshTarget jump) {
        String key = jump.key();
        SSHClient client = open.get(key);
        if (client != null && client.isConnected()) {
            return client;
        }
        if (failed.containsKey(key)) {
            throw failed.get(key);
        }
        try {
            client = connector.connectClient(jump);
        } catch (TransportException e) {
            TransportException failure = new TransportException("jump host " + jump.user() + "@" + jump.address()
                    + ":" + jump.port() + ": " + e.getMessage(), e);
            failed.put(key, failure);
            throw failure;
        }
        open.put(key, client);
        return client;
    }

    @Override
    public synchronized void close() {
        for (SSHClient client : open.values()) {
            try {
                client.disconnect();
            } catch (IOException ignored) {
                // the run is over; a jump connection that already broke needs no report
            }
        }
        open.clear();
    }
}
