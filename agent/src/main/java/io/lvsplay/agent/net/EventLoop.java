package io.lvsplay.agent.net;

import io.lvsplay.agent.Log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One I/O thread with its selector. Every channel is owned by exactly one loop and only touched on its thread;
 * other threads hand work over with {@link #execute}.
 */
public final class EventLoop implements AutoCloseable {
    private static final long SWEEP_INTERVAL_NANOS = 500_000_000L;

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final List<LoopResident> residents = new ArrayList<>();
    private final BufferPool buffers;
    private final Supplier<RelaySettings> settings;
    private final boolean splice;
    private final LongAdder splicedBytes = new LongAdder();
    private volatile boolean running = true;
    private long lastSweep = System.nanoTime();

    public EventLoop(String name, int bufferSize, boolean splice, Supplier<RelaySettings> settings) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open selector", e);
        }
        this.buffers = new BufferPool(bufferSize);
        this.settings = settings;
        this.splice = splice;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    BufferPool buffers() { return buffers; }

    RelaySettings settings() { return settings.get(); }

    /** True when this loop's connections switch bulk streams to splice(2). */
    boolean splices() { return splice; }

    void spliced(int bytes) {
        splicedBytes.add(bytes);
    }

    /** Bytes this loop's connections moved with splice (they are in the services' byte counters too). */
    public long splicedBytes() {
        return splicedBytes.sum();
    }

    /** Runs the task on the loop thread, soon. */
    public void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    void add(LoopResident r) {
        r.slot = residents.size();
        residents.add(r);
    }

    void remove(LoopResident r) {
        int i = r.slot;
        if (i < 0) {
            return;
        }
        LoopResident last = residents.remove(residents.size() - 1);
        if (last != r) {
            residents.set(i, last);
            last.slot = i;
        }
        r.slot = -1;
    }

    public int residentCount() {
        return residents.size();
    }

    private void run() {
        while (running) {
            try {
                selector.select(this::dispatch, 250);
                wakeupPending.set(false);
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                long now = System.nanoTime();
                if (now - lastSweep >= SWEEP_INTERVAL_NANOS) {
                    lastSweep = now;
                    sweep(now);
                }
            } catch (Throwable t) {
                Log.error("event loop " + thread.getName() + ": " + t);
            }
        }
        // The agent is stopping: end every connection this loop owns.
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // shutting down anyway
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // shutting down anyway
        }
    }

    private void dispatch(SelectionKey key) {
        try {
            ((IoHandler) key.attachment()).ready(key);
        } catch (RuntimeException e) {
            Log.error("event loop " + thread.getName() + ": unexpected " + e);
        }
    }

    private void sweep(long now) {
        // Iterate backwards: a sweep may remove the resident (swap-remove only moves later entries down).
        for (int i = residents.size() - 1; i >= 0; i--) {
            if (i < residents.size()) {
                residents.get(i).sweep(now);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
