package io.lvsplay.agent.net;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;

/**
 * Real-server connections that come from the client's own address (transparent mode, for NAT topologies where the
 * real servers route back through the director), as the kernel's IPVS-NAT delivers them. Java's sockets cannot set
 * IP_TRANSPARENT, so Netty's native epoll library sets it on the relay's own NIO channel ({@link NativeEpoll}).
 * The director must deliver the real servers' answers to the client's address locally: the LVS playbooks add the
 * policy routing (a socket-match mark, an ip rule and a local route table).
 */
public final class TransparentSockets {
    private static final Support SUPPORT = Support.load();

    private TransparentSockets() {
    }

    /** Null when transparent connections work here, else why not (no native library, no export, ...). */
    public static String unavailableReason() {
        return SUPPORT.problem;
    }

    /** An unconnected channel bound to {@code source} (port chosen by the kernel), ready for a non-blocking connect. */
    static SocketChannel open(InetAddress source) throws IOException {
        if (SUPPORT.problem != null) {
            throw new IOException("transparent connections are not available: " + SUPPORT.problem);
        }
        SocketChannel ch = SocketChannel.open(source instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            SUPPORT.setTransparent(ch);
            ch.bind(new InetSocketAddress(source, 0));
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /** The reflective handles, looked up once. */
    private static final class Support {
        final String problem;
        final Constructor<?> linuxSocket;
        final Method setIpTransparent;

        private Support(String problem, Constructor<?> linuxSocket, Method setIpTransparent) {
            this.problem = problem;
            this.linuxSocket = linuxSocket;
            this.setIpTransparent = setIpTransparent;
        }

        static Support load() {
            String problem = NativeEpoll.get().problem;
            if (problem != null) {
                return new Support(problem, null, null);
            }
            try {
                Class<?> ls = Class.forName("io.netty.channel.epoll.LinuxSocket");
                Constructor<?> ctor = ls.getDeclaredConstructor(int.class);
                ctor.setAccessible(true);
                Method set = ls.getDeclaredMethod("setIpTransparent", boolean.class);
                set.setAccessible(true);
                return new Support(null, ctor, set);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                return new Support("Netty's LinuxSocket is not usable here: " + e, null, null);
            }
        }

        void setTransparent(SocketChannel ch) throws IOException {
            int fd = NativeEpoll.get().fd(ch);
            try {
                setIpTransparent.invoke(linuxSocket.newInstance(fd), true);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw new IOException("cannot set IP_TRANSPARENT (the agent needs CAP_NET_ADMIN): " + io.getMessage(), io);
                }
                throw new IOException(String.valueOf(cause), cause);
            } catch (ReflectiveOperationException e) {
                throw new IOException(e.toString(), e);
            }
        }
    }
}
