package io.lvsplay.agent.sched;

import java.net.InetAddress;

/** The packet facts a scheduler may use: client address and port and the destination (virtual) address. */
public record ScheduleRequest(InetAddress client, int clientPort, InetAddress destination) {
}
