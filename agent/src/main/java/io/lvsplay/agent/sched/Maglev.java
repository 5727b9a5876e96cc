package io.lvsplay.agent.sched;

import io.lvsplay.agent.rules.Endpoint;

import java.util.List;

/**
 * {@code mh} (ip_vs_mh): Maglev consistent hashing over a prime-sized lookup table (65521 entries by default).
 * Each server fills slots along its own permutation, {@code weight/gcd} slots per round. The kernel seeds its hash
 * randomly at boot; this uses a fixed hash so every agent with the same rules builds the same table.
 */
final class Maglev implements Scheduler {
    static final int DEFAULT_TABLE_SIZE = 65521;

    private final int size;
    private final boolean port;
    private final boolean fallback;
    private Candidate[] lookup;

    Maglev(int size, boolean port, boolean fallback) {
        this.size = size;
        this.port = port;
        this.fallback = fallback;
        this.lookup = new Candidate[size];
    }

    @Override
    public void membersChanged(List<? extends Candidate> members) {
        Candidate[] table = new Candidate[size];
        int n = members.size();
        int gcd = WeightedRoundRobin.gcdOfWeights(members);
        int[] perm = new int[n];
        int[] skip = new int[n];
        int[] turns = new int[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            Endpoint a = members.get(i).address();
            long h = mix(((long) a.addressBits() << 16) ^ a.port());
            perm[i] = (int) Long.remainderUnsigned(h, size);
            skip[i] = (int) Long.remainderUnsigned(mix(h ^ 0x9E3779B97F4A7C15L), size - 1) + 1;
            turns[i] = members.get(i).weight() / gcd;
            any |= turns[i] > 0;
        }
        if (any) {
            int filled = 0;
            while (filled < size) {
                for (int i = 0; i < n && filled < size; i++) {
                    for (int t = 0; t < turns[i] && filled < size; t++) {
                        while (table[perm[i]] != null) {
                            perm[i] += skip[i];
                            if (perm[i] >= size) {
                                perm[i] -= size;
                            }
                        }
                        table[perm[i]] = members.get(i);
                        filled++;
                    }
                }
            }
        }
        lookup = table;
    }

    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        int addr = Endpoint.bits(request.client());
        int p = port ? request.clientPort() : 0;
        Candidate dest = lookup[slot(addr, p, 0)];
        if (dest == null || dest.schedulable()) {
            return dest;
        }
        if (!fallback) {
            return null;
        }
        for (int offset = 1; offset < size; offset++) {
            Candidate c = lookup[slot(addr, p, offset)];
            if (c != null && c.schedulable()) {
                return c;
            }
        }
        return null;
    }

    private int slot(int addr, int port, int offset) {
        long key = (Integer.toUnsignedLong(addr) << 16 | port) + ((long) offset << 48);
        return (int) Long.remainderUnsigned(mix(key), size);
    }

    /** splitmix64 finalizer: cheap, well-distributed and stable across JVMs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
