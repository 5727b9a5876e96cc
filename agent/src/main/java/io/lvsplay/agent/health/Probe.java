package io.lvsplay.agent.health;

import io.lvsplay.agent.rules.Endpoint;

/** One kind of health check. Probes block (with their own timeouts) on the health executor, never on an event loop. */
public interface Probe {
    ProbeResult probe(Endpoint target);
}
