package io.lvsplay.agent.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters IPVS keeps per service and per real server, plus the agent's connect retries. Event-loop threads
 * add; the 2-second estimator turns totals into rates the way the kernel's ip_vs_est does (a 1/4-weight moving
 * average).
 */
public final class TrafficCounters {
    private final LongAdder conns = new LongAdder();
    private final LongAdder inPkts = new LongAdder();
    private final LongAdder outPkts = new LongAdder();
    private final LongAdder inBytes = new LongAdder();
    private final LongAdder outBytes = new LongAdder();
    private final LongAdder connectRetries = new LongAdder();

    private final long[] last = new long[5];
    private final double[] rates = new double[5];

    public void connection() {
        conns.increment();
    }

    /** One read from the client (a "packet" of a proxy) and its bytes. */
    public void inbound(int bytes) {
        inPkts.increment();
        inBytes.add(bytes);
    }

    /** One read from the real server and its bytes. */
    public void outbound(int bytes) {
        outPkts.increment();
        outBytes.add(bytes);
    }

    public void connectRetry() {
        connectRetries.increment();
    }

    /** {@code ipvsadm -Z}: counters and rate estimates start again from zero. */
    public synchronized void zero() {
        for (LongAdder a : new LongAdder[] {conns, inPkts, outPkts, inBytes, outBytes, connectRetries}) {
            a.reset();
        }
        java.util.Arrays.fill(last, 0);
        java.util.Arrays.fill(rates, 0);
    }

    public Totals totals() {
        return new Totals(conns.sum(), inPkts.sum(), outPkts.sum(), inBytes.sum(), outBytes.sum(), connectRetries.sum());
    }

    /** Called every {@code intervalSeconds} by a single thread. */
    public synchronized void estimate(double intervalSeconds) {
        Totals t = totals();
        long[] now = {t.conns(), t.inPkts(), t.outPkts(), t.inBytes(), t.outBytes()};
        for (int i = 0; i < now.length; i++) {
            double rate = (now[i] - last[i]) / intervalSeconds;
            rates[i] += (rate - rates[i]) / 4;
            last[i] = now[i];
        }
    }

    public synchronized Rates rates() {
        return new Rates(Math.round(rates[0]), Math.round(rates[1]), Math.round(rates[2]), Math.round(rates[3]), Math.round(rates[4]));
    }

    /** Cumulative counters as shown by {@code ipvsadm -Ln --stats}. */
    public record Totals(long conns, long inPkts, long outPkts, long inBytes, long outBytes, long connectRetries) {
        public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0);
    }

    /** Per-second rates as shown by {@code ipvsadm -Ln --rate}. */
    public record Rates(long cps, long inPps, long outPps, long inBps, long outBps) {
        public static final Rates ZERO = new Rates(0, 0, 0, 0, 0);
    }
}
