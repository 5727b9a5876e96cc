package io.lvsplay.agent.sched;

import io.lvsplay.agent.rules.Endpoint;

import java.util.List;

/**
 * {@code dh} (ip_vs_dh): a static table indexed by a hash of the destination address. Behind this proxy the
 * destination is always the VIP, so every client of a service goes to the same server, as it would in IPVS for a
 * single destination address.
 */
final class DestinationHash implements Scheduler {
    private Candidate[] buckets = new Candidate[FixedHashTable.SIZE];

    @Override
    public void membersChanged(List<? extends Candidate> members) {
        buckets = FixedHashTable.cyclic(members);
    }

    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        int addr = Endpoint.bits(request.destination());
        Candidate dest = buckets[(int) ((Integer.toUnsignedLong(addr) * 2654435761L) & (FixedHashTable.SIZE - 1))];
        return dest != null && dest.schedulable() ? dest : null;
    }
}
