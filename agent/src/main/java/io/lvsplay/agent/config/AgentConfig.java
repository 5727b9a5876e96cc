package io.lvsplay.agent.config;

import io.lvsplay.agent.rules.ServiceKey;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The agent config file: everything about running the director that is not in the ipvsadm rules.
 *
 * @param eventLoops number of I/O threads; 0 means one per CPU
 * @param controlGroup with it the control socket is 0660 and usable by that group; without it 0600
 * @param bufferSize bytes per relay buffer (4 KiB-1 MiB), held only while a peer is slow
 * @param relay splice long TCP streams (auto: where Netty's native library loads) or always copy (nio)
 */
public record AgentConfig(Optional<Path> control, Optional<String> controlGroup, Timeouts timeouts, Duration connectTimeout,
                          Optional<InetSocketAddress> metrics, int eventLoops, int bufferSize, RelayMode relay, Limits limits,
                          Map<ServiceKey, ServiceOptions> services) {

    public static final Path DEFAULT_CONTROL = Path.of("/run/lvsplay-agent/control.sock");

    public AgentConfig {
        services = Map.copyOf(services);
    }

    public static AgentConfig defaults() {
        return new AgentConfig(Optional.empty(), Optional.empty(), Timeouts.DEFAULT, Duration.ofSeconds(3), Optional.empty(), 0,
                64 * 1024, RelayMode.AUTO, Limits.DEFAULT, Map.of());
    }

    public ServiceOptions options(ServiceKey key) {
        return services.getOrDefault(key, ServiceOptions.defaults(key));
    }

    public int eventLoopCount() {
        return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
    }
}
