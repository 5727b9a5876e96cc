package io.lvsplay.agent.control;

import io.lvsplay.agent.Log;

import java.io.IOException;
import java.nio.channels.Channel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One request per connection, served on a small pool: at most {@code limit} clients at once (others get the
 * refusal at once), and every client is closed at its deadline, so a stalled client never holds up the next one.
 */
public final class BoundedServer<C extends Channel> implements AutoCloseable {
    public interface Acceptor<C> {
        C accept() throws IOException;
    }

    public interface Session<C> {
        void serve(C client) throws IOException;
    }

    private static final long REFUSAL_DEADLINE_MILLIS = 1000;

    private final String name;
    private final Acceptor<C> acceptor;
    private final Session<C> session;
    private final Session<C> refusal;
    private final long deadlineMillis;
    private final Semaphore slots;
    private final ExecutorService workers;
    private final ExecutorService refusers;
    private final ScheduledExecutorService deadlines;
    private final Thread acceptThread;
    private volatile boolean open = true;

    public BoundedServer(String name, int limit, long deadlineMillis, Acceptor<C> acceptor, Session<C> session, Session<C> refusal) {
        this.name = name;
        this.acceptor = acceptor;
        this.session = session;
        this.refusal = refusal;
        this.deadlineMillis = deadlineMillis;
        this.slots = new Semaphore(limit);
        this.workers = Executors.newFixedThreadPool(limit, daemon(name + "-client"));
        this.refusers = Executors.newFixedThreadPool(2, daemon(name + "-refuse"));
        this.deadlines = Executors.newSingleThreadScheduledExecutor(daemon(name + "-deadline"));
        this.acceptThread = daemon(name).newThread(this::acceptLoop);
        acceptThread.start();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void acceptLoop() {
        while (open) {
            C client;
            try {
                client = acceptor.accept();
            } catch (IOException e) {
                if (open) {
                    Log.error(name + ": accept failed: " + e.getMessage());
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                // Refused clients get a shorter deadline on threads of their own, so the refusal is immediate.
                ScheduledFuture<?> expiry = deadlines.schedule(() -> closeQuietly(client), REFUSAL_DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
                refusers.execute(() -> run(client, refusal, expiry, false));
                continue;
            }
            ScheduledFuture<?> expiry = deadlines.schedule(() -> closeQuietly(client), deadlineMillis, TimeUnit.MILLISECONDS);
            workers.execute(() -> run(client, session, expiry, true));
        }
    }

    private void run(C client, Session<C> what, ScheduledFuture<?> expiry, boolean holdsSlot) {
        try {
            what.serve(client);
        } catch (IOException e) {
            if (client.isOpen()) {
                Log.warn(name + ": client failed: " + e.getMessage());
            } else if (expiry.isDone()) {
                Log.warn(name + ": client closed after the " + deadlineMillis + " ms deadline");
            }
        } finally {
            expiry.cancel(false);
            closeQuietly(client);
            if (holdsSlot) {
                slots.release();
            }
        }
    }

    private static void closeQuietly(Channel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        open = false;
        workers.shutdownNow();
        refusers.shutdownNow();
        deadlines.shutdownNow();
    }
}
