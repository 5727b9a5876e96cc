package io.lvsplay.lab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every host, network and address of a lab, computed from a {@link LabSpec} without touching Docker.
 * {@code labVars} become the inventory's {@code [all:vars]} (after the SSH settings).
 */
public record LabPlan(
        String name,
        LabTopology topology,
        List<LabNetwork> networks,
        List<HostPlan> hosts,
        String vip,
        int vipPort,
        Map<String, String> labVars) {

    public LabPlan {
        networks = List.copyOf(networks);
        hosts = List.copyOf(hosts);
        labVars = Collections.unmodifiableMap(new LinkedHashMap<>(labVars)); // keeps the inventory's order
    }

    public static LabPlan of(LabSpec spec) {
        return spec.topology().plan(spec);
    }

    public HostPlan host(String hostName) {
        return hosts.stream().filter(h -> h.name().equals(hostName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lab " + name + " has no host '" + hostName
                        + "'; its hosts are " + hosts.stream().map(HostPlan::name).collect(Collectors.joining(", "))));
    }

    public List<HostPlan> hosts(Role role) {
        return hosts.stream().filter(h -> h.role() == role).toList();
    }

    public LabNetwork network(String key) {
        return networks.stream().filter(n -> n.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lab " + name + " has no network '" + key + "'"));
    }
}
