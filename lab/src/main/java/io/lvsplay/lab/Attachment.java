package io.lvsplay.lab;

/** A host's place on one lab network; {@code iface} is its name inside the container (eth0, eth1 in connect order). */
public record Attachment(String network, String address, String iface) {
}
