package io.lvsplay.agent.sched;

import java.util.List;

/** {@code rr} (ip_vs_rr): the next schedulable server after the last one chosen. */
final class RoundRobin implements Scheduler {
    private Candidate last;

    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        int n = members.size();
        int start = last == null ? -1 : members.indexOf(last);
        for (int i = 1; i <= n; i++) {
            Candidate c = members.get(Math.floorMod(start + i, n));
            if (c.schedulable()) {
                last = c;
                return c;
            }
        }
        return null;
    }
}
