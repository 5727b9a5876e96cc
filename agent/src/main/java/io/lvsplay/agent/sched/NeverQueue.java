package io.lvsplay.agent.sched;

import java.util.List;

/** {@code nq} (ip_vs_nq): the first idle server if there is one, otherwise shortest expected delay. */
final class NeverQueue implements Scheduler {
    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        for (Candidate c : members) {
            if (c.schedulable() && c.activeConns() == 0) {
                return c;
            }
        }
        return WeightedLoad.least(members, c -> c.activeConns() + 1L);
    }
}
