package io.lvsplay.agent.config;

import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.ProxyMode;
import io.lvsplay.agent.rules.RuleTable;
import io.lvsplay.agent.rules.ServiceKey;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns the agent's YAML config into an {@link AgentConfig}, rejecting unknown keys with file:line. */
public final class AgentConfigParser {

    private static final Set<String> TOP_KEYS =
            Set.of("control", "control_group", "limits", "timeouts", "connect_timeout", "metrics", "event_loops", "buffer_size", "relay",
                    "services");
    private static final Set<String> SERVICE_KEYS =
            Set.of("service", "check", "inhibit_on_failure", "sorry_server", "alpha", "omega", "send_proxy", "accept_proxy",
                    "transparent");
    private static final Set<String> CHECK_KEYS = Set.of("type", "connect_port", "path", "status", "receive",
            "virtualhost", "delay_loop", "connect_timeout", "retry", "delay_before_retry", "misc_path", "misc_timeout");

    private final String file;

    private AgentConfigParser(String file) {
        this.file = file;
    }

    public static AgentConfig parse(Path file) throws InvalidConfigException {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new InvalidConfigException(file, 0, "cannot read config file: " + e.getMessage());
        }
    }

    public static AgentConfig parse(String file, String text) throws InvalidConfigException {
        return new AgentConfigParser(file).config(YamlReader.parse(file, text));
    }

    /** Every service in the config must exist in the rules, or its checks would silently do nothing. */
    public static void checkAgainst(AgentConfig config, RuleTable rules, String configFile, String rulesFile) throws InvalidConfigException {
        for (ServiceOptions o : config.services().values()) {
            if (rules.service(o.service()).isEmpty()) {
                throw new InvalidConfigException(configFile, o.line(), "service " + o.service()
                        + " has no '-A " + o.service().protocol().flag() + " " + o.service().vip() + "' line in " + rulesFile);
            }
        }
    }

    private AgentConfig config(YamlNode root) throws InvalidConfigException {
        Map<String, YamlNode> top = mapping(root, "the config file", TOP_KEYS);
        AgentConfig d = AgentConfig.defaults();
        Optional<Path> control = top.containsKey("control") ? Optional.of(Path.of(text(top.get("control")))) : Optional.empty();
        Optional<String> group = top.containsKey("control_group") ? Optional.of(text(top.get("control_group"))) : Optional.empty();
        Limits limits = top.containsKey("limits") ? limits(top.get("limits")) : d.limits();
        Timeouts timeouts = top.containsKey("timeouts") ? timeouts(top.get("timeouts")) : d.timeouts();
        Duration connect = top.containsKey("connect_timeout") ? duration(top.get("connect_timeout")) : d.connectTimeout();
        Optional<InetSocketAddress> metrics = Optional.empty();
        if (top.containsKey("metrics")) {
            metrics = Optional.of(endpoint(top.get("metrics")).socketAddress());
        }
        int loops = top.containsKey("event_loops") ? integer(top.get("event_loops"), 0, 256) : d.eventLoops();
        int buffer = top.containsKey("buffer_size") ? integer(top.get("buffer_size"), 4096, 1 << 20) : d.bufferSize();
        RelayMode relay = top.containsKey("relay") ? relay(top.get("relay")) : d.relay();
        Map<ServiceKey, ServiceOptions> services = new LinkedHashMap<>();
        if (top.containsKey("services")) {
            YamlNode list = top.get("services");
            if (!(list instanceof YamlNode.Sequence seq)) {
                throw error(list, "'services' must be a list of '- service: tcp VIP:PORT' entries");
            }
            for (YamlNode item : seq.items()) {
                ServiceOptions o = service(item);
                if (services.containsKey(o.service())) {
                    throw error(item, "service " + o.service() + " is configured twice");
                }
                services.put(o.service(), o);
            }
        }
        return new AgentConfig(control, group, timeouts, connect, metrics, loops, buffer, relay, limits, services);
    }

    private Limits limits(YamlNode node) throws InvalidConfigException {
        Map<String, YamlNode> m = mapping(node, "limits", Set.of("udp_flows", "persistence_templates"));
        Limits d = Limits.DEFAULT;
        return new Limits(
                m.containsKey("udp_flows") ? integer(m.get("udp_flows"), 1, 1 << 20) : d.udpFlows(),
                m.containsKey("persistence_templates") ? integer(m.get("persistence_templates"), 1, 1 << 24) : d.persistenceTemplates());
    }

    private Timeouts timeouts(YamlNode node) throws InvalidConfigException {
        Map<String, YamlNode> m = mapping(node, "timeouts", Set.of("tcp", "tcpfin", "udp"));
        Timeouts d = Timeouts.DEFAULT;
        return new Timeouts(
                m.containsKey("tcp") ? integer(m.get("tcp"), 1, Integer.MAX_VALUE) : d.tcp(),
                m.containsKey("tcpfin") ? integer(m.get("tcpfin"), 1, Integer.MAX_VALUE) : d.tcpFin(),
                m.containsKey("udp") ? integer(m.get("udp"), 1, Integer.MAX_VALUE) : d.udp());
    }

    private ServiceOptions service(YamlNode node) throws InvalidConfigException {
        Map<String, YamlNode> m = mapping(node, "a services entry", SERVICE_KEYS);
        if (!m.containsKey("service")) {
            throw error(node, "services entry needs 'service: tcp|udp VIP:PORT'");
        }
        ServiceKey key;
        try {
            key = ServiceKey.parse(text(m.get("service")));
        } catch (IllegalArgumentException e) {
            throw error(m.get("service"), e.getMessage());
        }
        Optional<HealthCheckSpec> check = m.containsKey("check") ? Optional.of(check(m.get("check"))) : Optional.empty();
        Optional<Endpoint> sorry = m.containsKey("sorry_server") ? Optional.of(endpoint(m.get("sorry_server"))) : Optional.empty();
        ProxyMode sendProxy = ProxyMode.NONE;
        if (m.containsKey("send_proxy")) {
            try {
                sendProxy = ProxyMode.parse(text(m.get("send_proxy")));
            } catch (IllegalArgumentException e) {
                throw error(m.get("send_proxy"), e.getMessage());
            }
        }
        boolean acceptProxy = bool(m, "accept_proxy");
        if ((sendProxy != ProxyMode.NONE || acceptProxy) && key.protocol() != io.lvsplay.agent.rules.Protocol.TCP) {
            throw error(node, "send_proxy and accept_proxy apply to TCP services only");
        }
        boolean transparent = bool(m, "transparent");
        if (transparent && key.protocol() != io.lvsplay.agent.rules.Protocol.TCP) {
            throw error(m.get("transparent"), "transparent applies to TCP services only (the agent's UDP flows always come from the director)");
        }
        String unavailable = transparent ? io.lvsplay.agent.net.TransparentSockets.unavailableReason() : null;
        if (unavailable != null) {
            throw error(m.get("transparent"), "transparent: true cannot work on this host: " + unavailable);
        }
        return new ServiceOptions(key, check, bool(m, "inhibit_on_failure"), sorry, bool(m, "alpha"), bool(m, "omega"), node.line(),
                sendProxy, acceptProxy, transparent);
    }

    private HealthCheckSpec check(YamlNode node) throws InvalidConfigException {
        Map<String, YamlNode> m = mapping(node, "check", CHECK_KEYS);
        if (!m.containsKey("type")) {
            throw error(node, "check needs 'type: TCP_CHECK|HTTP_GET|MISC_CHECK'");
        }
        CheckType type;
        try {
            type = CheckType.valueOf(text(m.get("type")).toUpperCase());
        } catch (IllegalArgumentException e) {
            throw error(m.get("type"), "unknown check type '" + text(m.get("type")) + "', expected TCP_CHECK, HTTP_GET or MISC_CHECK");
        }
        Optional<Pattern> receive = Optional.empty();
        if (m.containsKey("receive")) {
            try {
                receive = Optional.of(Pattern.compile(text(m.get("receive"))));
            } catch (PatternSyntaxException e) {
                throw error(m.get("receive"), "bad 'receive' regular expression: " + e.getDescription());
            }
        }
        String miscPath = m.containsKey("misc_path") ? text(m.get("misc_path")) : "";
        if (type == CheckType.MISC_CHECK && miscPath.isBlank()) {
            throw error(node, "MISC_CHECK needs 'misc_path: COMMAND'");
        }
        Duration delayLoop = m.containsKey("delay_loop") ? duration(m.get("delay_loop")) : Duration.ofSeconds(6);
        return new HealthCheckSpec(type,
                m.containsKey("connect_port") ? integer(m.get("connect_port"), 1, 65535) : 0,
                m.containsKey("path") ? text(m.get("path")) : "/",
                m.containsKey("status") ? integer(m.get("status"), 100, 599) : 200,
                receive,
                m.containsKey("virtualhost") ? text(m.get("virtualhost")) : "",
                delayLoop,
                m.containsKey("connect_timeout") ? duration(m.get("connect_timeout")) : Duration.ofSeconds(3),
                m.containsKey("retry") ? integer(m.get("retry"), 0, 1000) : 1,
                m.containsKey("delay_before_retry") ? duration(m.get("delay_before_retry")) : Duration.ofSeconds(1),
                miscPath,
                m.containsKey("misc_timeout") ? duration(m.get("misc_timeout")) : delayLoop);
    }

    private Map<String, YamlNode> mapping(YamlNode node, String what, Set<String> allowed) throws InvalidConfigException {
        if (!(node instanceof YamlNode.Mapping map)) {
            throw error(node, what + " must be a mapping of keys to values");
        }
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw error(e.getValue(), "unknown key '" + e.getKey() + "' in " + what + "; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return map.entries();
    }

    private RelayMode relay(YamlNode node) throws InvalidConfigException {
        RelayMode mode;
        try {
            mode = RelayMode.parse(text(node));
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage());
        }
        String unavailable = mode == RelayMode.SPLICE ? io.lvsplay.agent.net.RelayChoice.spliceUnavailableReason() : null;
        if (unavailable != null) {
            throw error(node, "relay: splice cannot work on this host: " + unavailable + " (use auto or nio)");
        }
        return mode;
    }

    private String text(YamlNode node) throws InvalidConfigException {
        if (!(node instanceof YamlNode.Scalar s)) {
            throw error(node, "expected a single value, not a list or mapping");
        }
        return s.value();
    }

    private int integer(YamlNode node, int min, int max) throws InvalidConfigException {
        String t = text(node);
        try {
            long v = Long.parseLong(t);
            if (v < min || v > max) {
                throw error(node, "value " + v + " out of range " + min + "-" + max);
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw error(node, "expected a whole number, got '" + t + "'");
        }
    }

    /** Seconds, possibly fractional ("0.5"), as keepalived allows for its timers. */
    private Duration duration(YamlNode node) throws InvalidConfigException {
        String t = text(node);
        try {
            double seconds = Double.parseDouble(t.endsWith("s") ? t.substring(0, t.length() - 1) : t);
            if (seconds <= 0 || seconds > 86400) {
                throw error(node, "duration " + t + " out of range (0, 86400] seconds");
            }
            return Duration.ofNanos((long) (seconds * 1e9));
        } catch (NumberFormatException e) {
            throw error(node, "expected seconds, got '" + t + "'");
        }
    }

    private boolean bool(Map<String, YamlNode> m, String key) throws InvalidConfigException {
        if (!m.containsKey(key)) {
            return false;
        }
        String t = text(m.get(key)).toLowerCase();
        return switch (t) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(m.get(key), "'" + key + "' must be true or false, got '" + t + "'");
        };
    }

    private Endpoint endpoint(YamlNode node) throws InvalidConfigException {
        try {
            return Endpoint.parse(text(node), -1);
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage());
        }
    }

    private InvalidConfigException error(YamlNode node, String message) {
        return new InvalidConfigException(file, node.line(), message);
    }
}
