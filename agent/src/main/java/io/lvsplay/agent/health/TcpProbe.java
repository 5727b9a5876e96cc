package io.lvsplay.agent.health;

import io.lvsplay.agent.rules.Endpoint;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/** TCP_CHECK: the server is up if a TCP connection opens within connect_timeout. */
final class TcpProbe implements Probe {
    private final Duration timeout;

    TcpProbe(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public ProbeResult probe(Endpoint target) {
        try (Socket s = new Socket()) {
            s.connect(target.socketAddress(), (int) Math.max(1, timeout.toMillis()));
            return ProbeResult.pass("TCP connect ok");
        } catch (IOException e) {
            return ProbeResult.fail("TCP connect to " + target + " failed: " + e.getMessage());
        }
    }
}
