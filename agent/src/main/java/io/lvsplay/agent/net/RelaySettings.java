package io.lvsplay.agent.net;

import io.lvsplay.agent.config.Timeouts;

import java.time.Duration;

/** Data-plane settings a reload may change; connections read the current value on each sweep. */
public record RelaySettings(Timeouts timeouts, Duration connectTimeout) {

    long tcpIdleNanos() {
        return timeouts.tcp() * 1_000_000_000L;
    }

    long tcpFinIdleNanos() {
        return timeouts.tcpFin() * 1_000_000_000L;
    }

    long udpIdleNanos() {
        return timeouts.udp() * 1_000_000_000L;
    }
}
