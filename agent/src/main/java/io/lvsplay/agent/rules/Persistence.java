package io.lvsplay.agent.rules;

import java.net.InetAddress;

/** ipvsadm {@code -p TIMEOUT [-M NETMASK]}: clients of the same masked network stick to one real server. */
public record Persistence(int timeoutSeconds, InetAddress netmask) {

    public static final int DEFAULT_TIMEOUT = 300;

    public int maskBits() {
        return Endpoint.bits(netmask);
    }

    public boolean hasDefaultMask() {
        return maskBits() == -1;
    }
}
