package io.lvsplay.agent.config;

import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.ProxyMode;
import io.lvsplay.agent.rules.ServiceKey;

import java.util.Optional;

/**
 * Per-service settings the ipvsadm rules cannot express.
 *
 * @param inhibitOnFailure a failed server gets weight 0 (keeps its connections, shown in list) instead of removal
 * @param sorryServer      where to send clients when no real server is available
 * @param alpha            real servers start as down until their first check passes
 * @param omega            on shutdown, log every server that was up as going down
 * @param sendProxy        PROXY protocol header towards the real servers (a server's rules comment overrides it)
 * @param acceptProxy      clients (a load balancer in front) open with a PROXY header that names the real client
 * @param transparent      real-server connections come from the client's own address (IP_TRANSPARENT), as IPVS-NAT
 */
public record ServiceOptions(ServiceKey service, Optional<HealthCheckSpec> check, boolean inhibitOnFailure,
                             Optional<Endpoint> sorryServer, boolean alpha, boolean omega, int line,
                             ProxyMode sendProxy, boolean acceptProxy, boolean transparent) {

    public ServiceOptions(ServiceKey service, Optional<HealthCheckSpec> check, boolean inhibitOnFailure,
                          Optional<Endpoint> sorryServer, boolean alpha, boolean omega, int line,
                          ProxyMode sendProxy, boolean acceptProxy) {
        this(service, check, inhibitOnFailure, sorryServer, alpha, omega, line, sendProxy, acceptProxy, false);
    }

    public ServiceOptions(ServiceKey service, Optional<HealthCheckSpec> check, boolean inhibitOnFailure,
                          Optional<Endpoint> sorryServer, boolean alpha, boolean omega, int line) {
        this(service, check, inhibitOnFailure, sorryServer, alpha, omega, line, ProxyMode.NONE, false);
    }

    public static ServiceOptions defaults(ServiceKey key) {
        return new ServiceOptions(key, Optional.empty(), false, Optional.empty(), false, false, 0);
    }
}
