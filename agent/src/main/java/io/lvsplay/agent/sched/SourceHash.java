package io.lvsplay.agent.sched;

import io.lvsplay.agent.rules.Endpoint;

import java.util.List;

/**
 * {@code sh} (ip_vs_sh): a static 256-bucket table indexed by a hash of the client address (and port with
 * sh-port). Without sh-fallback an unavailable bucket owner means no server; with it, the table is probed further.
 */
final class SourceHash implements Scheduler {
    private final boolean port;
    private final boolean fallback;
    private Candidate[] buckets = new Candidate[FixedHashTable.SIZE];

    SourceHash(boolean port, boolean fallback) {
        this.port = port;
        this.fallback = fallback;
    }

    @Override
    public void membersChanged(List<? extends Candidate> members) {
        buckets = FixedHashTable.weighted(members);
    }

    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        int addr = Endpoint.bits(request.client());
        int p = port ? request.clientPort() : 0;
        int ihash = hashKey(addr, p, 0);
        Candidate dest = buckets[ihash];
        if (dest == null || dest.schedulable()) {
            return dest;
        }
        if (!fallback) {
            return null;
        }
        for (int offset = 0; offset < FixedHashTable.SIZE; offset++) {
            int roffset = (offset + ihash) % FixedHashTable.SIZE;
            Candidate c = buckets[hashKey(addr, p, roffset)];
            if (c == null) {
                return null;
            }
            if (c.schedulable()) {
                return c;
            }
        }
        return null;
    }

    /** ip_vs_sh_hashkey. */
    static int hashKey(int addr, int port, int offset) {
        return (offset + FixedHashTable.hash32(port + addr, FixedHashTable.BITS)) & (FixedHashTable.SIZE - 1);
    }
}
