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
 * @param bufferSize bytes per relay buffer (16-64 KiB)
 */
public record AgentConfig(Optional<Path> control, Timeouts timeouts, Duration connectTimeout,
                          Optional<InetSocketAddress> metrics, int eventLoops, int bufferSize,
                          Map<ServiceKey, ServiceOptions> services) {

    public static final Path DEFAULT_CONTROL = Path.of("/run/lvsplay-agent/control.sock");

    public AgentConfig {
        services = Map.copyOf(services);
    }

    public static AgentConfig defaults() {
        return new AgentConfig(Optional.empty(), Timeouts.DEFAULT, Duration.ofSeconds(3), Optional.empty(), 0, 64 * 1024, Map.of());
    }

    public ServiceOptions options(ServiceKey key) {
        return services.getOrDefault(key, ServiceOptions.defaults(key));
    }

    public int eventLoopCount() {
        return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
    }
}
