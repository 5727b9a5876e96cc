package io.lvsplay.agent.sched;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * {@code lblcr} (ip_vs_lblcr): each destination address maps to a set of servers; the least loaded of the set is
 * used, an overloaded set grows by the least-connection server of the whole service, and a set unchanged for the
 * expiration time (24 h by default, as the kernel's lblcr_expiration) drops its most loaded member.
 */
final class LocalityLeastConnectionReplicated implements Scheduler {
    static final long DEFAULT_EXPIRATION_NANOS = 24L * 3600 * 1_000_000_000L;

    private final Map<InetAddress, DestSet> table = new HashMap<>();
    private final LongSupplier clock;
    private final long expirationNanos;

    LocalityLeastConnectionReplicated(LongSupplier clock, long expirationNanos) {
        this.clock = clock;
        this.expirationNanos = expirationNanos;
    }

    private static final class DestSet {
        final Set<Candidate> members = new LinkedHashSet<>();
        long lastModified;
    }

    @Override
    public void membersChanged(List<? extends Candidate> members) {
        for (DestSet set : table.values()) {
            set.members.retainAll(members);
        }
    }

    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        long now = clock.getAsLong();
        DestSet set = table.get(request.destination());
        if (set != null) {
            Candidate dest = WeightedLoad.least(set.members, Candidate::overhead);
            if (set.members.size() > 1 && now - set.lastModified > expirationNanos) {
                Candidate most = WeightedLoad.most(set.members);
                if (most != null) {
                    set.members.remove(most);
                    set.lastModified = now;
                }
            }
            if (dest != null && !WeightedLoad.localityOverloaded(dest, members)) {
                return dest;
            }
        }
        Candidate dest = WeightedLoad.least(members, Candidate::overhead);
        if (dest == null) {
            return null;
        }
        if (set == null) {
            set = new DestSet();
            table.put(request.destination(), set);
        }
        if (set.members.add(dest)) {
            set.lastModified = now;
        }
        return dest;
    }
}
