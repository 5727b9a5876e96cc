package io.lvsplay.agent.rules;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** An IPv4 address and port, as written in ipvsadm rules ("10.10.10.100:80"). */
public record Endpoint(InetAddress address, int port) implements Comparable<Endpoint> {

    public Endpoint {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " out of range 0-65535");
        }
    }

    /**
     * Parses "A.B.C.D:PORT" or, when {@code defaultPort} is not negative, also "A.B.C.D" (ipvsadm lets a real
     * server without a port inherit the service port). Only numeric addresses: rules must not depend on DNS.
     */
    public static Endpoint parse(String text, int defaultPort) {
        String host = text;
        int port = defaultPort;
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            host = text.substring(0, colon);
            String p = text.substring(colon + 1);
            if (!p.matches("\\d{1,5}")) {
                throw new IllegalArgumentException("bad port '" + p + "' in '" + text + "', expected a number 0-65535");
            }
            port = Integer.parseInt(p);
        } else if (defaultPort < 0) {
            throw new IllegalArgumentException("missing port in '" + text + "', expected ADDRESS:PORT");
        }
        return new Endpoint(parseIpv4(host, text), port);
    }

    static InetAddress parseIpv4(String host, String context) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("bad IPv4 address '" + host + "' in '" + context + "'");
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                throw new IllegalArgumentException("bad IPv4 address '" + host + "' in '" + context + "'");
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address as an unsigned 32-bit number, the form the IPVS hash schedulers work on. */
    public int addressBits() {
        return bits(address);
    }

    public static int bits(InetAddress a) {
        byte[] b = a.getAddress();
        if (!(a instanceof Inet4Address)) {
            return java.util.Arrays.hashCode(b);
        }
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + ":" + port;
    }

    /** ipvsadm sorts by address (as a number), then port. */
    @Override
    public int compareTo(Endpoint o) {
        int c = Integer.compareUnsigned(addressBits(), o.addressBits());
        return c != 0 ? c : Integer.compare(port, o.port);
    }
}
