package io.lvsplay.engine.ssh;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs an action (closing a socket) if the work it guards is not done by a deadline. */
final class Deadline {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lvsplay-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final AtomicBoolean expired = new AtomicBoolean();
    private ScheduledFuture<?> future;

    private Deadline() {
    }

    static Deadline after(long millis, Runnable onExpiry) {
        Deadline d = new Deadline();
        d.future = TIMER.schedule(() -> {
            d.expired.set(true);
            onExpiry.run();
        }, Math.max(1, millis), TimeUnit.MILLISECONDS);
        return d;
    }

    boolean expired() {
        return expired.get();
    }

    void cancel() {
        future.cancel(false);
    }
}
