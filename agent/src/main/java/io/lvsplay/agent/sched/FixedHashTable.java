package io.lvsplay.agent.sched;

import java.util.List;

/** The 256-bucket tables of sh and dh: how IPVS spreads servers over buckets. */
final class FixedHashTable {
    static final int BITS = 8;
    static final int SIZE = 1 << BITS;
    static final int GOLDEN_RATIO_32 = 0x61C88647;

    private FixedHashTable() {
    }

    /** ip_vs_sh_reassign: walk the list cyclically, each server taking {@code weight} consecutive buckets (at least one). */
    static Candidate[] weighted(List<? extends Candidate> members) {
        Candidate[] buckets = new Candidate[SIZE];
        if (members.isEmpty()) {
            return buckets;
        }
        int p = 0;
        int count = 0;
        for (int i = 0; i < SIZE; i++) {
            Candidate c = members.get(p);
            buckets[i] = c;
            if (++count >= c.weight()) {
                p = (p + 1) % members.size();
                count = 0;
            }
        }
        return buckets;
    }

    /** ip_vs_dh_reassign: one bucket per server, cyclically, weights ignored. */
    static Candidate[] cyclic(List<? extends Candidate> members) {
        Candidate[] buckets = new Candidate[SIZE];
        for (int i = 0; i < SIZE && !members.isEmpty(); i++) {
            buckets[i] = members.get(i % members.size());
        }
        return buckets;
    }

    /** The kernel's hash_32(val, bits): multiply by the golden ratio and keep the top bits. */
    static int hash32(int value, int bits) {
        return (value * GOLDEN_RATIO_32) >>> (32 - bits);
    }
}
