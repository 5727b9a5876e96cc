package io.lvsplay.agent.rules;

/** Identifies a virtual service the way ipvsadm does: protocol plus VIP:PORT. */
public record ServiceKey(Protocol protocol, Endpoint vip) implements Comparable<ServiceKey> {

    /** Parses "tcp 10.0.0.1:80", "-t 10.0.0.1:80" or "10.0.0.1:80" (TCP). */
    public static ServiceKey parse(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length == 1) {
            return new ServiceKey(Protocol.TCP, Endpoint.parse(words[0], -1));
        }
        if (words.length == 2) {
            return new ServiceKey(Protocol.parse(words[0]), Endpoint.parse(words[1], -1));
        }
        throw new IllegalArgumentException("bad service '" + text + "', expected 'tcp|udp VIP:PORT'");
    }

    @Override
    public int compareTo(ServiceKey o) {
        int c = protocol.compareTo(o.protocol);
        return c != 0 ? c : vip.compareTo(o.vip);
    }

    @Override
    public String toString() {
        return protocol.name().toLowerCase() + " " + vip;
    }
}
