package io.lvsplay.engine.exec;

/**
 * What one host cost in exchanges and time during a run (for --stats): commands written to the
 * host (shell start-ups included), connecting, gathering facts, and all time spent waiting on it.
 */
public record HostTransportStats(long roundTrips, long connectNanos, long factsNanos, long totalNanos) {
}
