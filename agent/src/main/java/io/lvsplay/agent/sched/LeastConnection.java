package io.lvsplay.agent.sched;

import java.util.List;

/** {@code lc} (ip_vs_lc): the lowest overhead (active*256 + inactive), ignoring weights except 0. */
final class LeastConnection implements Scheduler {
    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        Candidate least = null;
        long loh = 0;
        for (Candidate c : members) {
            if (!c.schedulable()) {
                continue;
            }
            long doh = c.overhead();
            if (least == null || doh < loh) {
                least = c;
                loh = doh;
            }
        }
        return least;
    }
}
