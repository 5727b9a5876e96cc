package io.lvsplay.agent.sched;

import java.util.List;

/**
 * {@code wrr} (ip_vs_wrr): walks the list once per "current weight" level, stepping the level down by the gcd of
 * the weights, so servers are interleaved (4:3:2 gives A A B A B C A B C) rather than sent bursts.
 */
final class WeightedRoundRobin implements Scheduler {
    private static final int HEAD = -1;

    private int cl = HEAD;
    private int cw;
    private int mw;
    private int di = 1;

    /** ip_vs_wrr_dest_changed: restart from the list head and keep the current weight if still meaningful. */
    @Override
    public void membersChanged(List<? extends Candidate> members) {
        cl = HEAD;
        di = gcdOfWeights(members);
        mw = maxWeight(members) - (di - 1);
        if (cw > mw || cw == 0) {
            cw = mw;
        } else if (di > 1) {
            cw = (cw / di) * di + 1;
        }
    }

    @Override
    public Candidate select(List<? extends Candidate> members, ScheduleRequest request) {
        if (mw <= 0 || members.isEmpty()) {
            return null;
        }
        if (cl >= members.size()) {
            cl = HEAD;
        }
        int last = cl;
        int stop = Integer.MIN_VALUE;
        boolean lastPass = false;
        boolean restarted = false;
        int idx = cl;
        while (true) {
            for (idx = idx + 1; idx < members.size(); idx++) {
                Candidate c = members.get(idx);
                if (!c.overloaded() && c.weight() >= cw) {
                    cl = idx;
                    return c;
                }
                if (idx == stop) {
                    return null;
                }
            }
            idx = HEAD;
            cw -= di;
            if (cw <= 0) {
                cw = mw;
                // Every server was already tried at the lowest level: nothing is schedulable.
                if (lastPass || last == HEAD) {
                    return null;
                }
                restarted = true;
            }
            lastPass = cw <= di;
            if (lastPass && restarted && last != HEAD) {
                stop = last;
            }
        }
    }

    static int gcdOfWeights(List<? extends Candidate> members) {
        int g = 0;
        for (Candidate c : members) {
            int w = c.weight();
            if (w > 0) {
                g = g > 0 ? gcd(w, g) : w;
            }
        }
        return g > 0 ? g : 1;
    }

    private static int maxWeight(List<? extends Candidate> members) {
        int m = 0;
        for (Candidate c : members) {
            m = Math.max(m, c.weight());
        }
        return m;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
