package io.lvsplay.agent.health;

import io.lvsplay.agent.Log;
import io.lvsplay.agent.config.HealthCheckSpec;
import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.table.Destination;
import io.lvsplay.agent.table.VirtualService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the health checks of all services on a small shared pool (checks block, so a few threads, but never one
 * per server). A reload keeps running the checks it did not change, with their state (consecutive failures,
 * schedule); only new or changed checks start afresh.
 */
public final class HealthMonitor implements AutoCloseable {
    private final ScheduledExecutorService executor;
    private final List<RealServerCheck> checks = new ArrayList<>();

    public HealthMonitor(int threads) {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "health-check");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        this.executor = ex;
    }

    /** Runs the checks of the given services: unchanged ones go on, others are stopped or started. */
    public synchronized void watch(Collection<VirtualService> services) {
        List<RealServerCheck> previous = new ArrayList<>(checks);
        checks.clear();
        for (VirtualService s : services) {
            s.options().check().ifPresent(spec -> {
                Probe probe = null;
                for (Destination d : s.configured()) {
                    RealServerCheck kept = find(previous, s, d, spec);
                    if (kept != null) {
                        previous.remove(kept);
                        checks.add(kept);
                        continue;
                    }
                    probe = probe != null ? probe : Probes.create(spec, s.key());
                    RealServerCheck c = new RealServerCheck(s, d, spec, probe);
                    checks.add(c);
                    executor.execute(c);
                }
            });
        }
        previous.forEach(RealServerCheck::cancel);
    }

    private static RealServerCheck find(List<RealServerCheck> checks, VirtualService s, Destination d, HealthCheckSpec spec) {
        for (RealServerCheck c : checks) {
            // Pattern has no equals(); the record's text carries every field, the receive pattern's source included.
            if (c.service == s && c.destination == d && c.spec.toString().equals(spec.toString())) {
                return c;
            }
        }
        return null;
    }

    /** Checks running now, for tests and the log. */
    public synchronized int running() {
        return checks.size();
    }

    /** omega: log every healthy server of an omega service as going down because the agent stops. */
    public synchronized void shutdown(Collection<VirtualService> services) {
        checks.forEach(RealServerCheck::cancel);
        for (VirtualService s : services) {
            if (s.options().omega()) {
                for (Destination d : s.members()) {
                    if (d.healthy()) {
                        Log.info("service " + s.key() + ": real server " + d.address() + " DOWN: agent shutting down (omega)");
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private final class RealServerCheck implements Runnable {
        private final VirtualService service;
        private final Destination destination;
        private final HealthCheckSpec spec;
        private final Probe probe;
        private final HealthState state;
        private volatile boolean cancelled;

        RealServerCheck(VirtualService service, Destination destination, HealthCheckSpec spec, Probe probe) {
            this.service = service;
            this.destination = destination;
            this.spec = spec;
            this.probe = probe;
            this.state = new HealthState(destination.healthy(), spec.retry());
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public void run() {
            if (cancelled) {
                return;
            }
            Endpoint target = spec.connectPort() > 0 ? new Endpoint(destination.address().address(), spec.connectPort()) : destination.address();
            ProbeResult result;
            try {
                result = probe.probe(target);
            } catch (RuntimeException e) {
                result = ProbeResult.fail("check crashed: " + e);
            }
            if (cancelled) {
                return;
            }
            HealthState.Outcome o = state.record(result.ok());
            if (o.changed() && service.setHealthy(destination, o.up())) {
                Log.info("service " + service.key() + ": real server " + destination.address() + (o.up() ? " UP: " : " DOWN: ") + result.detail()
                        + (o.up() ? "" : service.options().inhibitOnFailure() ? " (weight set to 0)" : " (removed from service)"));
            }
            Duration next = o.retrySoon() ? spec.delayBeforeRetry() : spec.delayLoop();
            if (!cancelled) {
                executor.schedule(this, next.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }
}
