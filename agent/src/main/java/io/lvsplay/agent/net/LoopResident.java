package io.lvsplay.agent.net;

/** Something an event loop visits on every sweep (idle and connect timeouts), stored in an unordered slot list. */
abstract class LoopResident {
    int slot = -1;

    /** Called about twice a second on the loop thread with the loop's current time. */
    abstract void sweep(long nowNanos);
}
