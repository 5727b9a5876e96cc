package io.lvsplay.agent.rules;

import java.util.Optional;

/**
 * One {@code -a} line: a real server of a virtual service. Thresholds 0 mean "no limit", as in IPVS.
 *
 * @param sendProxy this server's own PROXY protocol setting (from a {@code # lvsplay: send_proxy=v2} comment);
 *                  empty means the service's {@code send_proxy}
 */
public record RealServerRule(Endpoint address, ForwardMethod forward, int weight, int upperThreshold,
                             int lowerThreshold, int line, Optional<ProxyMode> sendProxy) {

    public RealServerRule(Endpoint address, ForwardMethod forward, int weight, int upperThreshold, int lowerThreshold, int line) {
        this(address, forward, weight, upperThreshold, lowerThreshold, line, Optional.empty());
    }
}
