package io.lvsplay.lab;

/**
 * One Docker network of a lab. {@code key} is {@link #LAN} (where the real servers live, in every
 * topology) or {@link #WAN} (the client side of a NAT director).
 */
public record LabNetwork(String key, Subnet subnet) {

    public static final String LAN = "lan";
    public static final String WAN = "wan";
}
