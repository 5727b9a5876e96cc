package io.lvsplay.engine.exec;

import io.lvsplay.engine.transport.Connection;
import io.lvsplay.engine.transport.ExecOptions;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.engine.transport.Sudo;
import java.util.concurrent.atomic.AtomicLong;

/** A connection that adds up the time its commands wait on the host (for --stats). */
final class TimedConnection implements Connection {
    private final Connection inner;
    private final AtomicLong nanos = new AtomicLong();

    TimedConnection(Connection inner) {
        this.inner = inner;
    }

    @Override
    public ExecResult exec(String command, byte[] stdin, ExecOptions options) {
        long start = System.nanoTime();
        try {
            return inner.exec(command, stdin, options);
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    @Override
    public ExecResult execAs(Sudo sudo, String command, byte[] stdin, ExecOptions options) {
        long start = System.nanoTime();
        try {
            return inner.execAs(sudo, command, stdin, options);
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    long commandNanos() {
        return nanos.get();
    }

    @Override
    public long roundTrips() {
        return inner.roundTrips();
    }

    @Override
    public String hostName() {
        return inner.hostName();
    }

    @Override
    public void close() {
        inner.close();
    }
}
