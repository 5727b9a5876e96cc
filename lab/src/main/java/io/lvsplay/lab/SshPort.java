package io.lvsplay.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Waits for an sshd to greet: an accepted TCP connection alone can come before sshd is ready (also used by the VM lab). */
public final class SshPort {

    static final int PORT = 22;

    private SshPort() {
    }

    public static boolean greets(String address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, PORT), 1000);
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            byte[] banner = new byte[4];
            int n = in.readNBytes(banner, 0, 4);
            return n == 4 && new String(banner, StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns once sshd at {@code address} greets; raises LabException naming the host after {@code deadline}. */
    static void await(String hostName, String address, Instant deadline, Duration timeout) {
        while (!greets(address)) {
            if (Instant.now().isAfter(deadline)) {
                throw new LabException("sshd of lab host " + hostName + " (" + address + ":22) did not answer within "
                        + timeout.toSeconds() + " s; see 'docker logs' of its container");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted while waiting for sshd of " + hostName, e);
            }
        }
    }
}
