package io.lvsplay.agent.config;

/**
 * Per virtual service caps that keep memory and descriptors bounded under floods of distinct clients.
 *
 * @param udpFlows             concurrent UDP flows (each holds one socket); datagrams of new clients beyond it are dropped and counted
 * @param persistenceTemplates client networks remembered by a persistent service; new clients beyond it are refused and counted
 */
public record Limits(int udpFlows, int persistenceTemplates) {
    public static final Limits DEFAULT = new Limits(8192, 262_144);
}
