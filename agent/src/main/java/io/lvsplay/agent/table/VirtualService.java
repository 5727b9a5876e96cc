package io.lvsplay.agent.table;

import io.lvsplay.agent.config.Limits;
import io.lvsplay.agent.config.ServiceOptions;
import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.ForwardMethod;
import io.lvsplay.agent.rules.Persistence;
import io.lvsplay.agent.rules.RealServerRule;
import io.lvsplay.agent.rules.ServiceKey;
import io.lvsplay.agent.rules.ServiceRule;
import io.lvsplay.agent.sched.Candidate;
import io.lvsplay.agent.sched.ScheduleRequest;
import io.lvsplay.agent.sched.Scheduler;
import io.lvsplay.agent.sched.Schedulers;
import io.lvsplay.agent.stats.BoundCounters;
import io.lvsplay.agent.stats.DestinationSnapshot;
import io.lvsplay.agent.stats.ServiceSnapshot;
import io.lvsplay.agent.stats.TrafficCounters;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A virtual service (IPVS {@code ip_vs_service}): its real servers, scheduler and persistence templates. The
 * member list holds the servers IPVS would have in its table: configured ones that are healthy, plus failed ones
 * kept at weight 0 when inhibit_on_failure is set. All scheduling happens under this object's lock.
 */
public final class VirtualService {
    private final ServiceKey key;
    private final LongSupplier clock;
    private final TrafficCounters counters = new TrafficCounters();
    private final BoundCounters bounds = new BoundCounters();
    private Limits limits = Limits.DEFAULT;
    private final Map<Endpoint, Destination> configured = new LinkedHashMap<>();
    private final Map<Integer, PersistenceTemplate> templates = new HashMap<>();
    private List<Destination> members = List.of();
    private ServiceRule rule;
    private ServiceOptions options;
    private Scheduler scheduler;
    private Destination sorry;

    public VirtualService(ServiceRule rule, ServiceOptions options, LongSupplier clock) {
        this.key = rule.key();
        this.clock = clock;
        apply(rule, options);
    }

    public ServiceKey key() { return key; }

    public TrafficCounters counters() { return counters; }

    public BoundCounters bounds() { return bounds; }

    public synchronized Limits limits() { return limits; }

    public synchronized void setLimits(Limits limits) { this.limits = limits; }

    public synchronized ServiceRule rule() { return rule; }

    public synchronized ServiceOptions options() { return options; }

    /** Configured real servers in rule order, whether healthy or not. */
    public synchronized List<Destination> configured() {
        return List.copyOf(configured.values());
    }

    public synchronized List<Destination> members() {
        return members;
    }

    public synchronized Optional<Destination> destination(Endpoint address) {
        return Optional.ofNullable(configured.get(address));
    }

    /**
     * Applies a (re)loaded rule: new servers join, removed ones leave the member list but keep serving their
     * established connections, changed weights take effect for new connections.
     */
    public synchronized void apply(ServiceRule newRule, ServiceOptions newOptions) {
        boolean schedulerChanged = rule == null || !rule.scheduler().equals(newRule.scheduler()) || !rule.flags().equals(newRule.flags());
        if (rule != null && !rule.persistence().equals(newRule.persistence())) {
            templates.clear();
        }
        rule = newRule;
        options = newOptions;
        if (schedulerChanged) {
            scheduler = Schedulers.create(newRule.scheduler(), newRule.flags());
        }
        Map<Endpoint, Destination> previous = new LinkedHashMap<>(configured);
        configured.clear();
        for (RealServerRule rs : newRule.realServers()) {
            Destination d = previous.get(rs.address());
            if (d == null) {
                d = new Destination(rs);
                // alpha: a server must pass its first check before it gets traffic.
                d.setHealthy(!(newOptions.alpha() && newOptions.check().isPresent()));
            } else {
                d.update(rs);
            }
            configured.put(rs.address(), d);
        }
        sorry = newOptions.sorryServer()
                .map(ep -> sorry != null && sorry.address().equals(ep) ? sorry
                        : new Destination(new RealServerRule(ep, ForwardMethod.MASQ, 1, 0, 0, 0)))
                .orElse(null);
        refreshMembers();
    }

    /** A health check changed a server's state; returns false if the server is no longer configured. */
    public synchronized boolean setHealthy(Destination d, boolean healthy) {
        if (configured.get(d.address()) != d) {
            return false;
        }
        d.setHealthy(healthy);
        refreshMembers();
        return true;
    }

    /** {@code set-weight} and {@code drain} (weight 0): existing connections are untouched. */
    public synchronized boolean setWeight(Endpoint address, int weight) {
        Destination d = configured.get(address);
        if (d == null) {
            return false;
        }
        d.setConfiguredWeight(weight);
        scheduler.membersChanged(members);
        return true;
    }

    /** Keeps survivors in place and appends newcomers, as IPVS appends re-added servers to its list. */
    private void refreshMembers() {
        boolean keepFailed = options.inhibitOnFailure();
        List<Destination> next = new ArrayList<>();
        for (Destination d : members) {
            if (configured.get(d.address()) == d && (d.healthy() || keepFailed)) {
                next.add(d);
            }
        }
        for (Destination d : configured.values()) {
            if (!next.contains(d) && (d.healthy() || keepFailed)) {
                next.add(d);
            }
        }
        members = List.copyOf(next);
        scheduler.membersChanged(members);
        templates.values().removeIf(t -> !members.contains(t.destination()) && t.connections() <= 0);
    }

    /**
     * Picks the real server for a new connection: a live persistence template first, then the scheduler, then the
     * sorry server. Servers in {@code exclude} already refused this connection; each is skipped.
     */
    public synchronized Assignment schedule(InetAddress client, int clientPort, Collection<Destination> exclude) {
        long now = clock.getAsLong();
        Optional<Persistence> persistence = rule.persistence();
        Integer templateKey = null;
        if (persistence.isPresent()) {
            templateKey = Endpoint.bits(client) & persistence.get().maskBits();
            PersistenceTemplate t = templates.get(templateKey);
            if (t != null && t.expired(now, persistence.get().timeoutSeconds() * 1_000_000_000L)) {
                templates.remove(templateKey);
                t = null;
            }
            // Like IPVS, a template outlives a quiesced server (weight 0) but not a removed or failed one.
            if (t != null && members.contains(t.destination()) && t.destination().healthy() && !exclude.contains(t.destination())) {
                t.acquire(now);
                return new Assignment(t.destination(), t);
            }
        }
        Destination chosen = pick(new ScheduleRequest(client, clientPort, key.vip().address()), exclude);
        if (chosen == null) {
            return sorry != null && !exclude.contains(sorry) ? new Assignment(sorry, null) : null;
        }
        if (templateKey == null) {
            return new Assignment(chosen, null);
        }
        if (templates.size() >= limits.persistenceTemplates()) {
            // As IPVS when it cannot allocate a template: the connection is dropped, never silently unpersisted.
            bounds.templateRefused();
            return null;
        }
        PersistenceTemplate t = new PersistenceTemplate(chosen, now);
        t.acquire(now);
        templates.put(templateKey, t);
        return new Assignment(chosen, t);
    }

    private Destination pick(ScheduleRequest request, Collection<Destination> exclude) {
        for (int attempt = 0; attempt <= members.size(); attempt++) {
            Candidate c = scheduler.select(members, request);
            if (c == null) {
                break;
            }
            if (!exclude.contains(c)) {
                return (Destination) c;
            }
        }
        if (exclude.isEmpty()) {
            return null;
        }
        // Deterministic schedulers (sh, dh, mh) keep answering the server that just refused; take the least loaded other one.
        Destination best = null;
        for (Destination d : members) {
            if (d.schedulable() && !exclude.contains(d) && (best == null || d.overhead() * best.weight() < best.overhead() * d.weight())) {
                best = d;
            }
        }
        return best;
    }

    /** The connection that used this assignment is gone. */
    public synchronized void release(Assignment a) {
        if (a.template() != null) {
            a.template().release(clock.getAsLong());
        }
    }

    public synchronized int templateCount() {
        expireTemplates();
        return templates.size();
    }

    /**
     * Run on a timer: a template lives persistence_timeout past its last connection, whether or not the client
     * comes back (IPVS's template timer), so a flood of distinct clients cannot grow the table without end.
     */
    public synchronized void expireTemplates() {
        long now = clock.getAsLong();
        Optional<Persistence> p = rule.persistence();
        if (p.isEmpty()) {
            templates.clear();
            return;
        }
        long timeout = p.get().timeoutSeconds() * 1_000_000_000L;
        templates.values().removeIf(t -> t.expired(now, timeout));
    }

    /** A consistent view for list, save and metrics; the sorry server shows while no real server is healthy. */
    public synchronized ServiceSnapshot snapshot() {
        List<DestinationSnapshot> dests = new ArrayList<>();
        boolean anyHealthy = false;
        for (Destination d : members) {
            dests.add(snapshotOf(d));
            anyHealthy |= d.healthy();
        }
        if (sorry != null && !anyHealthy) {
            dests.add(snapshotOf(sorry));
        }
        List<DestinationSnapshot> all = new ArrayList<>();
        for (Destination d : configured.values()) {
            all.add(snapshotOf(d));
        }
        return new ServiceSnapshot(key, rule.scheduler(), rule.flags(), rule.persistence(), counters.totals(), counters.rates(),
                dests, all, rule, bounds.snapshot(templates.size()));
    }

    private static DestinationSnapshot snapshotOf(Destination d) {
        return new DestinationSnapshot(d.address(), d.forward(), d.weight(), d.configuredWeight(), d.activeConns(), d.inactiveConns(),
                d.upperThreshold(), d.lowerThreshold(), d.healthy(), d.counters().totals(), d.counters().rates());
    }

    /** {@code ipvsadm -Z}: the service's and its real servers' counters. */
    public synchronized void zeroCounters() {
        counters.zero();
        configured.values().forEach(d -> d.counters().zero());
        if (sorry != null) {
            sorry.counters().zero();
        }
    }

    public synchronized void estimateRates(double intervalSeconds) {
        counters.estimate(intervalSeconds);
        for (Destination d : configured.values()) {
            d.counters().estimate(intervalSeconds);
        }
        if (sorry != null) {
            sorry.counters().estimate(intervalSeconds);
        }
    }

    public Set<Endpoint> configuredAddresses() {
        synchronized (this) {
            return Set.copyOf(configured.keySet());
        }
    }
}
