package io.lvsplay.agent.table;

import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.ForwardMethod;
import io.lvsplay.agent.rules.RealServerRule;
import io.lvsplay.agent.sched.Candidate;
import io.lvsplay.agent.stats.TrafficCounters;

/**
 * A real server as the data plane sees it (IPVS {@code ip_vs_dest}): configured weight and thresholds, health,
 * connection counts and traffic counters. Connections keep a reference, so a server removed by reload still
 * accounts for the connections that are draining.
 */
public final class Destination implements Candidate {
    private final Endpoint address;
    private volatile ForwardMethod forward;
    private volatile int configuredWeight;
    private volatile int upperThreshold;
    private volatile int lowerThreshold;
    private volatile boolean healthy = true;
    private volatile boolean overloaded;
    private volatile java.util.Optional<io.lvsplay.agent.rules.ProxyMode> sendProxy = java.util.Optional.empty();
    private int active;
    private int inactive;
    private final TrafficCounters counters = new TrafficCounters();

    public Destination(RealServerRule rule) {
        this.address = rule.address();
        update(rule);
    }

    /** Applies a reloaded rule; a changed weight counts for new connections only. */
    public void update(RealServerRule rule) {
        forward = rule.forward();
        sendProxy = rule.sendProxy();
        configuredWeight = rule.weight();
        synchronized (this) {
            upperThreshold = rule.upperThreshold();
            lowerThreshold = rule.lowerThreshold();
            refreshOverload(true);
        }
    }

    @Override
    public Endpoint address() { return address; }

    public ForwardMethod forward() { return forward; }

    /** This server's own PROXY protocol setting; empty means the service's. */
    public java.util.Optional<io.lvsplay.agent.rules.ProxyMode> sendProxy() { return sendProxy; }

    /** A server that failed its health check with inhibit_on_failure keeps its place with weight 0. */
    @Override
    public int weight() {
        return healthy ? configuredWeight : 0;
    }

    public int configuredWeight() { return configuredWeight; }

    public void setConfiguredWeight(int weight) { configuredWeight = weight; }

    public int upperThreshold() { return upperThreshold; }

    public int lowerThreshold() { return lowerThreshold; }

    public boolean healthy() { return healthy; }

    void setHealthy(boolean healthy) { this.healthy = healthy; }

    @Override
    public synchronized int activeConns() { return active; }

    @Override
    public synchronized int inactiveConns() { return inactive; }

    @Override
    public boolean overloaded() { return overloaded; }

    public TrafficCounters counters() { return counters; }

    /** A new connection starts inactive (connecting, like SYN_RECV in IPVS). */
    public synchronized void connectionOpened() {
        inactive++;
        counters.connection();
        if (upperThreshold != 0 && active + inactive >= upperThreshold) {
            overloaded = true;
        }
    }

    /** The connection reached ESTABLISHED on both sides. */
    public synchronized void connectionEstablished() {
        inactive--;
        active++;
    }

    /** One side sent FIN: IPVS moves such connections to InActConn. */
    public synchronized void connectionClosing() {
        active--;
        inactive++;
    }

    public synchronized void connectionClosed(boolean wasActive) {
        if (wasActive) {
            active--;
        } else {
            inactive--;
        }
        refreshOverload(false);
    }

    /** ip_vs_unbind_dest: clear overload below the lower threshold, or below 3/4 of the upper when no lower is set. */
    private void refreshOverload(boolean thresholdsChanged) {
        int total = active + inactive;
        if (thresholdsChanged && upperThreshold != 0 && total >= upperThreshold) {
            overloaded = true;
        } else if (lowerThreshold != 0) {
            if (total < lowerThreshold) {
                overloaded = false;
            }
        } else if (upperThreshold != 0) {
            if (total * 4 < upperThreshold * 3) {
                overloaded = false;
            }
        } else {
            overloaded = false;
        }
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
