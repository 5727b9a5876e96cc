package io.lvsplay.agent.sched;

import java.util.List;

/** {@code sed} (ip_vs_sed): least (active + 1) / weight; inactive connections do not count. */
final class ShortestExpectedDelay implements Scheduler {
    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        return WeightedLoad.least(members, c -> c.activeConns() + 1L);
    }
}
