package io.lvsplay.agent.sched;

import java.util.List;

/**
 * An IPVS scheduling algorithm. Instances hold per-service state and are called under the service's lock, as the
 * kernel calls them under {@code svc->sched_lock}.
 */
public interface Scheduler {

    /** Re-derives state after a real server was added, removed or re-weighted (IPVS add/del/upd_dest). */
    default void membersChanged(List<? extends Candidate> members) {
    }

    /** Picks a real server for a new connection, or null when none may take it. */
    Candidate select(List<? extends Candidate> members, ScheduleRequest request);
}
