package io.lvsplay.agent.sched;

import java.util.List;

/**
 * {@code ovf} (ip_vs_ovf): the highest-weight server whose active connections have not passed its weight, so
 * traffic overflows to the next server only when the first is full.
 */
final class Overflow implements Scheduler {
    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        Candidate best = null;
        for (Candidate c : members) {
            int w = c.weight();
            if (c.overloaded() || c.activeConns() > w || w == 0) {
                continue;
            }
            if (best == null || w > best.weight()) {
                best = c;
            }
        }
        return best;
    }
}
