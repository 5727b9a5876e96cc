package io.lvsplay.engine.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * What has arrived on one output stream of a long-lived shell and not been consumed yet. A daemon
 * thread reads the stream; the frames of each command take their bytes from the front. All
 * methods but {@link #pump} are called holding the shared {@code lock}, which is notified on
 * every arrival and at the end of the stream.
 */
final class StreamTail {
    private final Object lock;
    private byte[] data = new byte[8192];
    private int length;
    private int scanned;
    private boolean ended;

    StreamTail(Object lock) {
        this.lock = lock;
    }

    void pump(InputStream in, String threadName) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[32 * 1024];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (lock) {
                        append(buffer, n);
                        lock.notifyAll();
                    }
                }
            } catch (IOException e) {
                // a broken stream ends like a closed one: the frame in progress cannot complete
            } finally {
                synchronized (lock) {
                    ended = true;
                    lock.notifyAll();
                }
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
    }

    private void append(byte[] bytes, int n) {
        if (length + n > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, length + n));
        }
        System.arraycopy(bytes, 0, data, length, n);
        length += n;
    }

    /** Where {@code needle} starts, or -1. Bytes already searched are not searched again. */
    int indexOf(byte[] needle) {
        for (int i = scanned; i + needle.length <= length; i++) {
            if (matchesAt(i, needle)) {
                scanned = i;
                return i;
            }
        }
        scanned = Math.max(scanned, length - needle.length + 1);
        return -1;
    }

    private boolean matchesAt(int at, byte[] needle) {
        for (int j = 0; j < needle.length; j++) {
            if (data[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }

    int length() {
        return length;
    }

    /** Removes and returns the first {@code n} bytes. */
    byte[] take(int n) {
        byte[] head = Arrays.copyOf(data, n);
        System.arraycopy(data, n, data, 0, length - n);
        length -= n;
        scanned = 0;
        return head;
    }

    /** Drops everything received so far. */
    void clear() {
        take(length);
    }

    boolean ended() {
        return ended;
    }
}
