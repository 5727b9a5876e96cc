package io.lvsplay.agent.net;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.SocketChannel;

/**
 * Netty's native epoll library (shaded in the agent jar, linux-x86_64) and the descriptors of the relay's own NIO
 * channels, read through sun.nio.ch (the jar's manifest exports it). Transparent mode and the splice relay need both.
 */
final class NativeEpoll {
    private static final NativeEpoll INSTANCE = load();

    /** Null when the library loaded and descriptors can be read, else why not. */
    final String problem;
    private final Method fdVal;

    private NativeEpoll(String problem, Method fdVal) {
        this.problem = problem;
        this.fdVal = fdVal;
    }

    static NativeEpoll get() {
        return INSTANCE;
    }

    /** The channel's file descriptor. Only called when {@link #problem} is null. */
    int fd(SocketChannel ch) throws IOException {
        try {
            return (int) fdVal.invoke(ch);
        } catch (InvocationTargetException e) {
            throw new IOException(String.valueOf(e.getCause()), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IOException(e.toString(), e);
        }
    }

    private static NativeEpoll load() {
        try {
            Class<?> epoll = Class.forName("io.netty.channel.epoll.Epoll");
            epoll.getMethod("ensureAvailability").invoke(null);
            Method fdVal = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
            try (SocketChannel probe = SocketChannel.open()) {
                fdVal.invoke(probe);
            }
            return new NativeEpoll(null, fdVal);
        } catch (InvocationTargetException e) {
            return new NativeEpoll(String.valueOf(e.getCause()), null);
        } catch (IllegalAccessException e) {
            return new NativeEpoll("the JVM does not export sun.nio.ch (run the agent with java -jar, or add "
                    + "--add-exports java.base/sun.nio.ch=ALL-UNNAMED)", null);
        } catch (ReflectiveOperationException | IOException | LinkageError | RuntimeException e) {
            return new NativeEpoll("Netty's native epoll library does not load here: " + e, null);
        }
    }
}
