package io.lvsplay.agent.rules;

/** One {@code -a} line: a real server of a virtual service. Thresholds 0 mean "no limit", as in IPVS. */
public record RealServerRule(Endpoint address, ForwardMethod forward, int weight, int upperThreshold,
                             int lowerThreshold, int line) {
}
