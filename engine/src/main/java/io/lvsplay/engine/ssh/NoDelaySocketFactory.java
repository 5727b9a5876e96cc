package io.lvsplay.engine.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets with TCP_NODELAY. Each task is a few small request/response exchanges on the SSH
 * connection; with Nagle's algorithm every one of them waits for a delayed ACK (about 40 ms).
 */
final class NoDelaySocketFactory extends SocketFactory {
    private final java.util.List<Socket> made = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Socket tuned(Socket socket) throws IOException {
        made.add(socket);
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
        return socket;
    }

    /** Closes every socket made here: unblocks a connect, banner or key exchange that passed its deadline. */
    void closeAll() {
        for (Socket socket : made) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        return tuned(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return tuned(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return tuned(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return tuned(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return tuned(new Socket(address, port, localAddress, localPort));
    }
}
