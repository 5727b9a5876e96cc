package io.lvsplay.agent.sched;

import io.lvsplay.agent.rules.SchedFlag;

import java.util.Set;

/** Creates a fresh scheduler (with its own state) for a virtual service. */
public final class Schedulers {
    private Schedulers() {
    }

    public static Scheduler create(String name, Set<SchedFlag> flags) {
        boolean port = flags.contains(SchedFlag.SH_PORT) || flags.contains(SchedFlag.MH_PORT);
        boolean fallback = flags.stream().anyMatch(SchedFlag::isFallback);
        return switch (name) {
            case "rr" -> new RoundRobin();
            case "wrr" -> new WeightedRoundRobin();
            case "lc" -> new LeastConnection();
            case "wlc" -> new WeightedLeastConnection();
            case "sed" -> new ShortestExpectedDelay();
            case "nq" -> new NeverQueue();
            case "sh" -> new SourceHash(port, fallback);
            case "dh" -> new DestinationHash();
            case "mh" -> new Maglev(Maglev.DEFAULT_TABLE_SIZE, port, fallback);
            case "lblc" -> new LocalityLeastConnection();
            case "lblcr" -> new LocalityLeastConnectionReplicated(System::nanoTime, LocalityLeastConnectionReplicated.DEFAULT_EXPIRATION_NANOS);
            case "fo" -> new WeightedFailover();
            case "ovf" -> new Overflow();
            default -> throw new IllegalArgumentException("unknown scheduler '" + name + "'");
        };
    }
}
