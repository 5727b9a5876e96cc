package io.lvsplay.engine.ssh;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.transport.TransportException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tarpit on loopback: accepts TCP, never sends an SSH banner. The connect gives up at its deadline. */
class ConnectDeadlineTest {

    @Test
    void aHostThatNeverSpeaksSshIsUnreachableWithinTheTimeout() throws Exception {
        try (ServerSocket tarpit = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(tarpit.accept());
                    }
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SshTarget target = new SshTarget("tarpit", "127.0.0.1", tarpit.getLocalPort(), "root", null, null, null,
                    null, HostKeyPolicy.OFF, 2, 1, 0, 0);

            SshConnector connector = new SshConnector(); // loads sshj and its crypto before the clock starts
            try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = closed.getLocalPort();
                closed.close();
                assertThrows(TransportException.class, () -> connector.connect(new SshTarget("warm", "127.0.0.1", port,
                        "root", null, null, null, null, HostKeyPolicy.OFF, 2, 0, 0, 0)));
            }
            long start = System.nanoTime();
            TransportException e = assertThrows(TransportException.class, () -> connector.connect(target));
            double seconds = (System.nanoTime() - start) / 1e9;

            assertTrue(seconds < 3.5, "took " + seconds + " s, deadline 2 s (retries included)");
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        }
    }
}
