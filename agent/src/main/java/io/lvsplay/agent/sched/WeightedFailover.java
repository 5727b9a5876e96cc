package io.lvsplay.agent.sched;

import java.util.List;

/** {@code fo} (ip_vs_fo): always the schedulable server with the highest weight; the first one wins ties. */
final class WeightedFailover implements Scheduler {
    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        Candidate best = null;
        for (Candidate c : members) {
            if (c.schedulable() && (best == null || c.weight() > best.weight())) {
                best = c;
            }
        }
        return best;
    }
}
