package io.lvsplay.agent.net;

import io.netty.channel.epoll.Native;
import io.netty.channel.unix.FileDescriptor;

import java.io.IOException;

/**
 * One direction's kernel pipe for the zero-copy relay: splice(2) moves bytes socket to pipe to socket without copying
 * them into the JVM, as HAProxy does. Netty's native library makes the calls (non-blocking; "would block" is 0).
 * Only created with the library loaded ({@link NativeEpoll}).
 */
final class SplicePipe implements AutoCloseable {
    /** A pipe's default capacity (16 pages): one fill never moves more. */
    static final int CHUNK = 64 * 1024;

    private final FileDescriptor readEnd;
    private final FileDescriptor writeEnd;
    private int held;

    private SplicePipe(FileDescriptor readEnd, FileDescriptor writeEnd) {
        this.readEnd = readEnd;
        this.writeEnd = writeEnd;
    }

    static SplicePipe open() throws IOException {
        FileDescriptor[] fds = FileDescriptor.pipe();
        return new SplicePipe(fds[0], fds[1]);
    }

    /**
     * Moves what the source socket has, up to {@link #CHUNK}, into the empty pipe. 0 when the socket had nothing or
     * is at end of stream: splice cannot tell these apart, a read can.
     */
    int fill(int sourceFd) throws IOException {
        int n = Native.splice(sourceFd, -1, writeEnd.intValue(), -1, CHUNK);
        held += n;
        return n;
    }

    /** Hands the pipe's bytes to the sink socket; false while some are left because the sink is full. */
    boolean drain(int sinkFd) throws IOException {
        while (held > 0) {
            int n = Native.splice(readEnd.intValue(), -1, sinkFd, -1, held);
            if (n == 0) {
                return false;
            }
            held -= n;
        }
        return true;
    }

    boolean holdsBytes() {
        return held > 0;
    }

    @Override
    public void close() {
        for (FileDescriptor fd : new FileDescriptor[] {readEnd, writeEnd}) {
            try {
                fd.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }
}
