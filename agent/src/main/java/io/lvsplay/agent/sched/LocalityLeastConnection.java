package io.lvsplay.agent.sched;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lblc} (ip_vs_lblc): each destination address keeps its server until that server is unavailable or
 * overloaded (more active connections than its weight while another server is under half), then a new one is
 * picked by weighted least connection. Behind a proxy the destination address is the VIP.
 */
final class LocalityLeastConnection implements Scheduler {
    private final Map<InetAddress, Candidate> table = new HashMap<>();

    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        Candidate dest = table.get(request.destination());
        if (dest != null && members.contains(dest) && dest.weight() > 0
                && !WeightedLoad.localityOverloaded(dest, members)) {
            return dest;
        }
        dest = WeightedLoad.least(members, Candidate::overhead);
        if (dest != null) {
            table.put(request.destination(), dest);
        }
        return dest;
    }
}
