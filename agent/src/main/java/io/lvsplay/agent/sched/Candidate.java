package io.lvsplay.agent.sched;

import io.lvsplay.agent.rules.Endpoint;

/** What a scheduler may know about a real server: the fields IPVS schedulers read from {@code ip_vs_dest}. */
public interface Candidate {

    Endpoint address();

    /** Weight now in force; 0 means quiesced (never chosen for new connections). */
    int weight();

    int activeConns();

    int inactiveConns();

    /** Set by the upper/lower connection thresholds ({@code IP_VS_DEST_F_OVERLOAD}). */
    boolean overloaded();

    /** {@code ip_vs_dest_conn_overhead}: an active connection costs 256 times an inactive one. */
    default long overhead() {
        return ((long) activeConns() << 8) + inactiveConns();
    }

    /** Neither quiesced nor overloaded. */
    default boolean schedulable() {
        return weight() > 0 && !overloaded();
    }
}
