package io.lvsplay.agent.health;

import io.lvsplay.agent.config.HealthCheckSpec;
import io.lvsplay.agent.rules.ServiceKey;

/** Builds the probe a check spec describes. */
public final class Probes {
    private Probes() {
    }

    public static Probe create(HealthCheckSpec spec, ServiceKey service) {
        return switch (spec.type()) {
            case TCP_CHECK -> new TcpProbe(spec.connectTimeout());
            case HTTP_GET -> new HttpGetProbe(spec);
            case MISC_CHECK -> new MiscProbe(spec.miscPath(), spec.miscTimeout(), service);
        };
    }
}
