package io.lvsplay.agent.rules;

import java.util.List;
import java.util.Optional;

/** The virtual services of a rules file, in file order. */
public record RuleTable(List<ServiceRule> services) {

    public RuleTable {
        services = List.copyOf(services);
    }

    public Optional<ServiceRule> service(ServiceKey key) {
        return services.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
