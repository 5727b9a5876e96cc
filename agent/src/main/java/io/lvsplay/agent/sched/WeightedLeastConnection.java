package io.lvsplay.agent.sched;

import java.util.List;

/** {@code wlc} (ip_vs_wlc), ipvsadm's default: least (active*256 + inactive) / weight. */
final class WeightedLeastConnection implements Scheduler {
    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        return WeightedLoad.least(members, Candidate::overhead);
    }
}
