package io.lvsplay.agent.sched;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The "least overhead per weight" scan shared by wlc, sed, lblc and lblcr: the first schedulable server, replaced
 * by any later one with {@code loh * w > doh * lw} (the kernel compares products to avoid division).
 */
final class WeightedLoad {
    private WeightedLoad() {
    }

    static Candidate least(Iterable<? extends Candidate> members, ToLongFunction<Candidate> overhead) {
        Candidate least = null;
        long loh = 0;
        for (Candidate c : members) {
            if (!c.schedulable()) {
                continue;
            }
            long doh = overhead.applyAsLong(c);
            if (least == null || loh * c.weight() > doh * least.weight()) {
                least = c;
                loh = doh;
            }
        }
        return least;
    }

    /** The most loaded server of a set, for lblcr's set shrinking (ip_vs_dest_set_max). */
    static Candidate most(Iterable<? extends Candidate> members) {
        Candidate most = null;
        long moh = 0;
        for (Candidate c : members) {
            if (c.weight() <= 0) {
                continue;
            }
            long doh = c.overhead();
            if (most == null || moh * c.weight() < doh * most.weight()) {
                most = c;
                moh = doh;
            }
        }
        return most;
    }

    /** lblc/lblcr: a server is overloaded when it has more active connections than its weight while another is under half. */
    static boolean localityOverloaded(Candidate dest, List<? extends Candidate> members) {
        if (dest.activeConns() > dest.weight()) {
            for (Candidate d : members) {
                if (d.activeConns() * 2L < d.weight()) {
                    return true;
                }
            }
        }
        return false;
    }
}
