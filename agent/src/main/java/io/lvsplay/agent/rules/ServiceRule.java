package io.lvsplay.agent.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One {@code -A} line and the real servers added to it. */
public record ServiceRule(ServiceKey key, String scheduler, Optional<Persistence> persistence, Set<SchedFlag> flags,
                          List<RealServerRule> realServers, int line) {

    public ServiceRule {
        realServers = List.copyOf(realServers);
        flags = Set.copyOf(flags);
    }

    public Optional<RealServerRule> realServer(Endpoint address) {
        return realServers.stream().filter(r -> r.address().equals(address)).findFirst();
    }
}
