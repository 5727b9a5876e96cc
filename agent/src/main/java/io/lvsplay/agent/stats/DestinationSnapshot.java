package io.lvsplay.agent.stats;

import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.ForwardMethod;

/** One real server at one moment; {@code weight} is the weight in force (0 when failed with inhibit_on_failure). */
public record DestinationSnapshot(Endpoint address, ForwardMethod forward, int weight, int configuredWeight, int activeConns,
                                  int inactiveConns, int upperThreshold, int lowerThreshold, boolean healthy,
                                  TrafficCounters.Totals totals, TrafficCounters.Rates rates) {
}
