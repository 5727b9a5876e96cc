package io.lvsplay.agent.stats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What a service refused to keep because a limit was reached, and how much state it holds now. */
public final class BoundCounters {
    private final LongAdder udpFlowsRefused = new LongAdder();
    private final LongAdder templatesRefused = new LongAdder();
    private final LongAdder oversizeDatagrams = new LongAdder();
    private final AtomicLong udpFlows = new AtomicLong();

    public void udpFlowRefused() { udpFlowsRefused.increment(); }

    public void templateRefused() { templatesRefused.increment(); }

    public void oversizeDatagram() { oversizeDatagrams.increment(); }

    public void udpFlowOpened() { udpFlows.incrementAndGet(); }

    public void udpFlowClosed() { udpFlows.decrementAndGet(); }

    public long udpFlows() { return udpFlows.get(); }

    public Snapshot snapshot(long templates) {
        return new Snapshot(templates, udpFlows.get(), udpFlowsRefused.sum(), templatesRefused.sum(), oversizeDatagrams.sum());
    }

    public record Snapshot(long templates, long udpFlows, long udpFlowsRefused, long templatesRefused, long oversizeDatagrams) {
    }
}
