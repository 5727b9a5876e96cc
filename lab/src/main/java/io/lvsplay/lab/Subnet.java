package io.lvsplay.lab;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 /24 network such as 10.10.10.0/24. Lab addresses are chosen by their last octet (the LVS
 * tutorial layout: director .11, real servers .12 upward, VIP .100), which is why only /24 is supported.
 */
public record Subnet(int a, int b, int c) {

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.0/24");

    public Subnet {
        for (int octet : new int[] {a, b, c}) {
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("octet out of range 0..255 in " + a + "." + b + "." + c + ".0/24");
            }
        }
    }

    /** Parses "x.y.z.0/24"; anything else is rejected with a message naming the expected form. */
    public static Subnet parse(String cidr) {
        Matcher m = CIDR.matcher(cidr == null ? "" : cidr.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "lab subnet '" + cidr + "' is not of the form x.y.z.0/24 (only /24 networks are supported)");
        }
        return new Subnet(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** The address with the given last octet; .0, .1 (Docker's bridge) and .255 are not host addresses. */
    public String address(int lastOctet) {
        if (lastOctet < 2 || lastOctet > 254) {
            throw new IllegalArgumentException("host octet " + lastOctet + " is outside .2-.254 of " + cidr());
        }
        return a + "." + b + "." + c + "." + lastOctet;
    }

    public String gateway() {
        return a + "." + b + "." + c + ".1";
    }

    public String cidr() {
        return a + "." + b + "." + c + ".0/24";
    }

    @Override
    public String toString() {
        return cidr();
    }
}
