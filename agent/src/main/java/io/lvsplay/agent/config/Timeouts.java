package io.lvsplay.agent.config;

/** Idle timeouts in seconds, with the meaning of {@code ipvsadm --set tcp tcpfin udp}. */
public record Timeouts(int tcp, int tcpFin, int udp) {
    /** The kernel IPVS defaults. */
    public static final Timeouts DEFAULT = new Timeouts(900, 120, 300);
}
