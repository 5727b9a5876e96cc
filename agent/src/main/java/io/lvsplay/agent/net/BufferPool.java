package io.lvsplay.agent.net;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct buffers owned by one event loop. A connection holds a buffer only while the peer cannot take its data,
 * so 10,000 idle connections cost no buffer memory; no allocation happens per read.
 */
final class BufferPool {
    private static final int MAX_POOLED = 512;

    private final int size;
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();

    BufferPool(int size) {
        this.size = size;
    }

    ByteBuffer take() {
        ByteBuffer b = free.pollFirst();
        if (b == null) {
            return ByteBuffer.allocateDirect(size);
        }
        b.clear();
        return b;
    }

    void give(ByteBuffer b) {
        if (free.size() < MAX_POOLED) {
            free.addFirst(b);
        }
    }
}
