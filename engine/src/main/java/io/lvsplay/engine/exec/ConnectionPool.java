package io.lvsplay.engine.exec;

import io.lvsplay.engine.inventory.ConnectionSettings;
import io.lvsplay.engine.ssh.SshConnector;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.transport.Connection;
import io.lvsplay.engine.transport.LocalConnection;
import io.lvsplay.engine.transport.TransportException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection per host for the whole run: opened on first use, reused by every task and play,
 * closed at the end. A host that failed to connect stays failed (no reconnect storms).
 */
final class ConnectionPool implements AutoCloseable {
    /** Without ServerAliveInterval a dead network is noticed after about 3 x 10 s, not never. */
    static final int DEFAULT_ALIVE_INTERVAL = 10;
    static final int DEFAULT_ALIVE_COUNT = 3;
    /** Key suffix of a host's local connection (connection: local) beside its SSH one. */
    private static final String LOCAL = "\u0000local";
    private final RunOptions options;
    private final Templar templar;
    private final SshConnector connector = new SshConnector();
    private final SshTargets targets;
    private final Map<String, Connection> open = new ConcurrentHashMap<>();
    private final Map<String, TransportException> broken = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Per host: connect, facts, commands (ns) and round trips of connections already closed (for --stats). */
    private final Map<String, long[]> spent = new ConcurrentHashMap<>();

    ConnectionPool(RunOptions options, Templar templar) {
        this.options = options;
        this.templar = templar;
        this.targets = new SshTargets(options);
    }

    /**
     * The host's connection; {@code vars} are the task's variables on that host (ansible_host, ...).
     * A play or task with connection: local reaches the same host on the controller: a connection of its own.
     */
    Connection get(String inventoryName, Map<String, Object> vars) {
        boolean local = "local".equals(String.valueOf(vars.get("ansible_connection")).trim());
        String host = local ? inventoryName + LOCAL : inventoryName;
        if (local && !open.containsKey(host)) {
            open.putIfAbsent(host, kept(new LocalConnection(inventoryName)));
        }
        Connection existing = open.get(host);
        if (existing != null) {
            return existing;
        }
        synchronized (locks.computeIfAbsent(host, k -> new Object())) {
            existing = open.get(host);
            if (existing != null) {
                return existing;
            }
            TransportException failure = broken.get(host);
            if (failure != null) {
                throw failure;
            }
            try {
                Connection connection = connect(host, vars);
                open.put(host, connection);
                return connection;
            } catch (TransportException e) {
                broken.put(host, e);
                throw e;
            }
        }
    }

    /** A connection of its own, not shared and not kept (an async job's); the caller closes it. */
    Connection openSeparate(String host, Map<String, Object> vars) {
        if ("local".equals(String.valueOf(vars.get("ansible_connection")).trim())) {
            return new LocalConnection(host);
        }
        return connect(host, vars);
    }

    /** Drops a connection that broke so the host is reported unreachable from now on. */
    void markBroken(String host, TransportException cause) {
        Connection c = open.remove(host);
        if (c != null) {
            retire(host, c);
            c.close();
        }
        broken.put(host, cause);
    }

    /** meta: reset_connection: the next task opens a fresh connection. */
    void reset(String host) {
        Connection c = open.remove(host);
        if (c != null) {
            retire(host, c);
            c.close();
        }
    }

    /** The connection variables, templated (ansible_host may be "{{ ... }}"); only when connecting. */
    private Map<String, Object> connectionVars(Map<String, Object> vars) {
        Map<String, Object> out = new LinkedHashMap<>();
        vars.forEach((k, v) -> {
            if (k.startsWith("ansible_")) {
                out.put(k, Templar.isTemplated(v) ? templar.template(v, vars, "connection variable " + k) : v);
            }
        });
        return out;
    }

    private Connection connect(String host, Map<String, Object> vars) {
        ConnectionSettings s = ConnectionSettings.of(host, connectionVars(vars));
        if (s.local()) {
            return kept(new LocalConnection(host));
        }
        long start = System.nanoTime();
        try {
            return kept(connector.connect(targets.of(host, s)));
        } finally {
            add(host, 0, System.nanoTime() - start);
        }
    }

    private static Connection kept(Connection raw) {
        return new PrefetchingConnection(new TimedConnection(raw));
    }

    private void add(String host, int slot, long value) {
        long[] a = spent.computeIfAbsent(host.replace(LOCAL, ""), k -> new long[4]);
        synchronized (a) {
            a[slot] += value;
        }
    }

    /** Keeps the counts of a connection that is closed before the end of the run. */
    private void retire(String host, Connection c) {
        if (c instanceof PrefetchingConnection t) {
            add(host, 2, t.commandNanos());
        }
        add(host, 3, c.roundTrips());
    }

    /** Time the facts of a host took (connecting excluded). */
    void factsTook(String host, long nanos) {
        add(host, 1, nanos);
    }

    /** Round trips and time per host so far, hosts in name order (for --stats). */
    Map<String, HostTransportStats> stats() {
        Map<String, long[]> all = new java.util.TreeMap<>();
        spent.forEach((h, a) -> {
            synchronized (a) {
                all.put(h, a.clone());
            }
        });
        open.forEach((host, c) -> {
            long[] a = all.computeIfAbsent(host.replace(LOCAL, ""), k -> new long[4]);
            a[2] += c instanceof PrefetchingConnection t ? t.commandNanos() : 0;
            a[3] += c.roundTrips();
        });
        Map<String, HostTransportStats> out = new LinkedHashMap<>();
        all.forEach((h, a) -> out.put(h, new HostTransportStats(a[3], a[0], a[1], a[0] + a[2])));
        return out;
    }

    /** Commands sent to each host and answered so far (for --profile and the benchmark). */
    Map<String, Long> roundTrips() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        open.forEach((host, c) -> counts.merge(host.replace(LOCAL, ""), c.roundTrips(), Long::sum));
        return counts;
    }

    @Override
    public void close() {
        if (System.getenv("LVSPLAY_ROUND_TRIPS") != null) {
            // for the benchmark: one line on stderr, never on stdout (which may be --json)
            Map<String, Long> counts = roundTrips();
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            System.err.println("lvsplay round trips: total=" + total + " hosts=" + counts.size()
                    + " max=" + counts.values().stream().mapToLong(Long::longValue).max().orElse(0));
        }
        open.values().forEach(Connection::close);
        open.clear();
        connector.close();
    }
}
