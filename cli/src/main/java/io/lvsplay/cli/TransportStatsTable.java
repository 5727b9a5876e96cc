package io.lvsplay.cli;

import io.lvsplay.engine.exec.HostTransportStats;
import java.io.PrintStream;
import java.util.Map;

/** --stats: after the recap, one line per host with its round trips and where its time went. */
final class TransportStatsTable {
    private TransportStatsTable() {
    }

    static void print(Map<String, HostTransportStats> stats, PrintStream out) {
        out.println();
        out.println("TRANSPORT STATS (round trips = commands written to the host; times in ms)");
        int width = Math.max(4, stats.keySet().stream().mapToInt(String::length).max().orElse(4));
        out.printf("%-" + width + "s  %11s  %8s  %8s  %8s%n", "host", "round_trips", "connect", "facts", "total");
        stats.forEach((host, s) -> out.printf("%-" + width + "s  %11d  %8d  %8d  %8d%n", host, s.roundTrips(),
                ms(s.connectNanos()), ms(s.factsNanos()), ms(s.totalNanos())));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
