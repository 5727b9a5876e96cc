package io.lvsplay.agent;

import io.lvsplay.agent.config.AgentConfig;
import io.lvsplay.agent.config.InvalidConfigException;
import io.lvsplay.agent.control.ControlAccess;
import io.lvsplay.agent.control.ControlReply;
import io.lvsplay.agent.control.ControlServer;
import io.lvsplay.agent.config.Timeouts;
import io.lvsplay.agent.health.HealthMonitor;
import io.lvsplay.agent.ipvsadm.IpvsadmServer;
import io.lvsplay.agent.ipvsadm.IpvsadmTarget;
import io.lvsplay.agent.rules.RuleTable;
import io.lvsplay.agent.net.EventLoop;
import io.lvsplay.agent.net.RelayChoice;
import io.lvsplay.agent.net.RelaySettings;
import io.lvsplay.agent.net.TcpListener;
import io.lvsplay.agent.net.UdpForwarder;
import io.lvsplay.agent.net.VipListener;
import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.Protocol;
import io.lvsplay.agent.rules.ServiceKey;
import io.lvsplay.agent.rules.ServiceRule;
import io.lvsplay.agent.stats.IpvsFormat;
import io.lvsplay.agent.stats.MetricsServer;
import io.lvsplay.agent.stats.ServiceSnapshot;
import io.lvsplay.agent.table.VirtualService;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running director: event loops, listeners per virtual service, health checks, control socket and metrics. The
 * forwarding table is replaced by {@link #reload()}; a failing reload leaves the running table untouched.
 */
public final class Agent implements AutoCloseable, IpvsadmTarget {
    private static final double RATE_INTERVAL_SECONDS = 2.0;

    private final Path rulesFile;
    private final Optional<Path> configFile;
    private final EventLoop[] loops;
    private final ScheduledExecutorService timer;
    private final HealthMonitor health = new HealthMonitor(4);
    private final Map<ServiceKey, VirtualService> services = new LinkedHashMap<>();
    private final Map<ServiceKey, VipListener> listeners = new LinkedHashMap<>();
    private final ControlServer control;
    private final MetricsServer metrics;
    private volatile RelaySettings settings;
    private AgentConfig startConfig;
    private AgentSetup current;
    private boolean closed;

    private Agent(Path rulesFile, Optional<Path> configFile, AgentSetup setup, Path controlPath) throws IOException {
        this.rulesFile = rulesFile;
        this.configFile = configFile;
        this.startConfig = setup.config();
        this.settings = new RelaySettings(setup.config().timeouts(), setup.config().connectTimeout());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agent-timer");
            t.setDaemon(true);
            return t;
        });
        int n = setup.config().eventLoopCount();
        RelayChoice relay = RelayChoice.of(setup.config().relay());
        this.loops = new EventLoop[n];
        for (int i = 0; i < n; i++) {
            loops[i] = new EventLoop("event-loop-" + i, setup.config().bufferSize(), relay.splice(), () -> settings);
        }
        apply(setup);
        timer.scheduleAtFixedRate(this::estimateRates, 2, 2, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::expireTemplates, 1, 1, TimeUnit.SECONDS);
        try {
            this.control = new ControlServer(controlPath, new ControlAccess(setup.config().controlGroup()), this::handle);
            this.metrics = setup.config().metrics().isPresent() ? new MetricsServer(setup.config().metrics().get(), this::snapshot) : null;
        } catch (IOException e) {
            close();
            throw e;
        }
        Log.info("agent started: " + services.size() + " virtual services from " + rulesFile + ", " + n
                + " event loops, " + relay + ", control socket " + controlPath + (metrics == null ? "" : ", metrics on http://" + setup.config().metrics().get().getHostString() + ":" + setup.config().metrics().get().getPort() + "/metrics"));
    }

    /** Loads the files and starts forwarding; the control socket is {@code controlOverride}, the config's, or the default. */
    public static Agent start(Path rulesFile, Optional<Path> configFile, Optional<Path> controlOverride) throws InvalidConfigException, IOException {
        AgentSetup setup = AgentSetup.load(rulesFile, configFile);
        Path control = controlOverride.or(() -> setup.config().control()).orElse(AgentConfig.DEFAULT_CONTROL);
        return new Agent(rulesFile, configFile, setup, control);
    }

    public Path controlPath() {
        return control.path();
    }

    /** Bytes relayed with splice since the start, over all loops. */
    public long splicedBytes() {
        long sum = 0;
        for (EventLoop loop : loops) {
            sum += loop.splicedBytes();
        }
        return sum;
    }

    public Optional<java.net.InetSocketAddress> metricsAddress() {
        return Optional.ofNullable(metrics).map(MetricsServer::address);
    }

    /** Rereads both files; on error the old table stays in force and the error (file:line) is returned. */
    public synchronized ControlReply reload() {
        AgentSetup setup;
        try {
            setup = AgentSetup.load(rulesFile, configFile);
        } catch (InvalidConfigException e) {
            Log.error("reload rejected, previous table stays in force: " + e.getMessage());
            return ControlReply.error(e.getMessage());
        }
        if (setup.config().eventLoopCount() != startConfig.eventLoopCount() || setup.config().bufferSize() != startConfig.bufferSize()
                || setup.config().relay() != startConfig.relay() || !setup.config().control().equals(startConfig.control()) || !setup.config().metrics().equals(startConfig.metrics())) {
            Log.warn("reload: control, metrics, event_loops, buffer_size and relay changes take effect after a restart");
        }
        settings = new RelaySettings(setup.config().timeouts(), setup.config().connectTimeout());
        apply(setup);
        Log.info("reloaded " + rulesFile + ": " + services.size() + " virtual services");
        return ControlReply.ok("reloaded " + services.size() + " virtual services\n");
    }

    private synchronized void apply(AgentSetup setup) {
        current = setup;
        Set<ServiceKey> wanted = new HashSet<>();
        for (ServiceRule rule : setup.rules().services()) {
            wanted.add(rule.key());
            VirtualService existing = services.get(rule.key());
            if (existing != null) {
                existing.apply(rule, setup.config().options(rule.key()));
                existing.setLimits(setup.config().limits());
                continue;
            }
            VirtualService vs = new VirtualService(rule, setup.config().options(rule.key()), System::nanoTime);
            vs.setLimits(setup.config().limits());
            services.put(rule.key(), vs);
            VipListener listener = rule.key().protocol() == Protocol.TCP
                    ? new TcpListener(vs, loops, timer)
                    : new UdpForwarder(vs, loops[Math.floorMod(rule.key().hashCode(), loops.length)], timer);
            listeners.put(rule.key(), listener);
            listener.open();
        }
        for (ServiceKey key : new ArrayList<>(services.keySet())) {
            if (!wanted.contains(key)) {
                // Stop accepting; connections already relayed keep their real server until they end.
                listeners.remove(key).close();
                services.remove(key);
            }
        }
        health.watch(services.values());
    }

    @Override
    public synchronized RuleTable rules() {
        return current.rules();
    }

    /** ipvsadm changes: in force at once, until the next reload re-reads the rules file. */
    @Override
    public synchronized void replaceRules(RuleTable rules) {
        apply(new AgentSetup(rules, current.config()));
    }

    @Override
    public synchronized boolean zero(Optional<ServiceKey> service) {
        if (service.isPresent() && !services.containsKey(service.get())) {
            return false;
        }
        services.values().stream().filter(s -> service.isEmpty() || s.key().equals(service.get())).forEach(VirtualService::zeroCounters);
        return true;
    }

    @Override
    public Timeouts timeouts() {
        return settings.timeouts();
    }

    @Override
    public synchronized List<ServiceSnapshot> snapshot() {
        List<ServiceSnapshot> out = new ArrayList<>();
        for (VirtualService s : services.values()) {
            out.add(s.snapshot());
        }
        return out;
    }

    /** True when every virtual service is listening (a VIP not yet on the host keeps its service retrying). */
    public synchronized boolean allBound() {
        return listeners.values().stream().allMatch(VipListener::bound);
    }

    private void expireTemplates() {
        for (VirtualService s : currentServices()) {
            s.expireTemplates();
        }
    }

    private synchronized List<VirtualService> currentServices() {
        return List.copyOf(services.values());
    }

    private void estimateRates() {
        for (VirtualService s : currentServices()) {
            s.estimateRates(RATE_INTERVAL_SECONDS);
        }
    }

    /** Control socket commands; the CLI has already validated the syntax. */
    ControlReply handle(List<String> words) {
        String command = words.isEmpty() ? "" : words.get(0);
        List<String> args = words.subList(Math.min(1, words.size()), words.size());
        return switch (command) {
            case "list" -> {
                IpvsFormat.Layout layout = args.contains("--stats") ? IpvsFormat.Layout.STATS
                        : args.contains("--rate") ? IpvsFormat.Layout.RATE : IpvsFormat.Layout.PLAIN;
                yield ControlReply.ok(IpvsFormat.list(snapshot(), layout, args.contains("--exact")));
            }
            case "save" -> ControlReply.ok(IpvsFormat.save(snapshot()));
            case "reload" -> reload();
            case "ipvsadm" -> IpvsadmServer.run(this, args);
            case "ipvsadm-restore" -> IpvsadmServer.restore(this, args);
            case "set-weight" -> args.size() == 4 ? setWeight(args.get(0), args.get(1), args.get(2), args.get(3))
                    : ControlReply.error("usage: set-weight tcp|udp VIP:PORT RIP:PORT WEIGHT");
            case "drain" -> args.size() == 3 ? setWeight(args.get(0), args.get(1), args.get(2), "0")
                    : ControlReply.error("usage: drain tcp|udp VIP:PORT RIP:PORT");
            default -> ControlReply.error("unknown control command '" + command + "'");
        };
    }

    /** Like {@code ipvsadm -e -w}: new connections see the weight at once, existing ones are untouched. */
    private synchronized ControlReply setWeight(String protocol, String vip, String rip, String weightText) {
        ServiceKey key;
        Endpoint real;
        int weight;
        try {
            key = new ServiceKey(Protocol.parse(protocol), Endpoint.parse(vip, -1));
            real = Endpoint.parse(rip, key.vip().port());
            weight = Integer.parseInt(weightText);
            if (weight < 0 || weight > 65535) {
                return ControlReply.error("weight " + weight + " out of range 0-65535");
            }
        } catch (IllegalArgumentException e) {
            return ControlReply.error(e.getMessage());
        }
        VirtualService s = services.get(key);
        if (s == null) {
            return ControlReply.error("no virtual service " + key + " (see 'lvsplay-agent list -n')");
        }
        if (!s.setWeight(real, weight)) {
            return ControlReply.error("service " + key + " has no real server " + real);
        }
        Log.info("service " + key + ": real server " + real + " weight set to " + weight + (weight == 0 ? " (draining)" : ""));
        return ControlReply.ok("");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        health.shutdown(services.values());
        health.close();
        listeners.values().forEach(VipListener::close);
        if (control != null) {
            control.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        timer.shutdownNow();
        for (EventLoop loop : loops) {
            loop.close();
        }
        Log.info("agent stopped");
    }
}
