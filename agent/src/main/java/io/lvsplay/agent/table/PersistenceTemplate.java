package io.lvsplay.agent.table;

/**
 * An IPVS persistence template: a client network bound to one real server. It lives while it controls
 * connections and for the persistence timeout after the last of them was opened or closed.
 */
public final class PersistenceTemplate {
    private final Destination destination;
    private int connections;
    private long lastUsedNanos;

    PersistenceTemplate(Destination destination, long now) {
        this.destination = destination;
        this.lastUsedNanos = now;
    }

    public Destination destination() { return destination; }

    void acquire(long now) {
        connections++;
        lastUsedNanos = now;
    }

    void release(long now) {
        connections--;
        lastUsedNanos = now;
    }

    boolean expired(long now, long timeoutNanos) {
        return connections <= 0 && now - lastUsedNanos >= timeoutNanos;
    }

    int connections() { return connections; }
}
