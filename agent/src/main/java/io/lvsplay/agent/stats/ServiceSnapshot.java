package io.lvsplay.agent.stats;

import io.lvsplay.agent.rules.Persistence;
import io.lvsplay.agent.rules.SchedFlag;
import io.lvsplay.agent.rules.ServiceKey;
import io.lvsplay.agent.rules.ServiceRule;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One virtual service at one moment.
 *
 * @param members    servers as IPVS would list them (healthy ones, inhibited failed ones, the sorry server in use)
 * @param configured every server from the rules, for save and metrics
 */
public record ServiceSnapshot(ServiceKey key, String scheduler, Set<SchedFlag> flags, Optional<Persistence> persistence,
                              TrafficCounters.Totals totals, TrafficCounters.Rates rates,
                              List<DestinationSnapshot> members, List<DestinationSnapshot> configured, ServiceRule rule,
                              BoundCounters.Snapshot bounds) {
}
