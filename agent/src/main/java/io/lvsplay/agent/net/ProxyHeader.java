package io.lvsplay.agent.net;

import io.lvsplay.agent.rules.ProxyMode;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The PROXY protocol (HAProxy's proxy-protocol.txt, versions 1 and 2): the header the agent sends first to a real
 * server so it learns the client's address, and the one it reads from a load balancer in front when
 * {@code accept_proxy} is on.
 */
final class ProxyHeader {
    static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    /** The spec's minimum a receiver must accept; longer headers (many TLVs) are refused. */
    static final int MAX_HEADER = 536;
    private static final int V1_MAX = 107;

    private ProxyHeader() {
    }

    static ByteBuffer encode(ProxyMode mode, InetSocketAddress source, InetSocketAddress destination) {
        boolean v4 = source.getAddress() instanceof Inet4Address && destination.getAddress() instanceof Inet4Address;
        if (mode == ProxyMode.V1) {
            String line = "PROXY " + (v4 ? "TCP4 " : "TCP6 ") + source.getAddress().getHostAddress() + " "
                    + destination.getAddress().getHostAddress() + " " + source.getPort() + " " + destination.getPort() + "\r\n";
            return ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
        }
        byte[] src = v4 ? source.getAddress().getAddress() : v6(source.getAddress());
        byte[] dst = v4 ? destination.getAddress().getAddress() : v6(destination.getAddress());
        ByteBuffer b = ByteBuffer.allocate(16 + src.length * 2 + 4);
        b.put(V2_SIGNATURE).put((byte) 0x21).put((byte) (v4 ? 0x11 : 0x21)).putShort((short) (src.length * 2 + 4));
        b.put(src).put(dst).putShort((short) source.getPort()).putShort((short) destination.getPort());
        return b.flip();
    }

    private static byte[] v6(InetAddress a) {
        byte[] raw = a.getAddress();
        if (raw.length == 16) {
            return raw;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(raw, 0, mapped, 12, 4);
        return mapped;
    }

    /** A header read from a client: its length and the client it names (null for LOCAL / UNKNOWN: keep the peer). */
    record Parsed(int length, InetSocketAddress source) {
    }

    /**
     * Parses a header at the start of {@code data} (position 0 to limit). Returns null when more bytes are needed;
     * throws when the bytes are not a PROXY header.
     */
    static Parsed decode(ByteBuffer data) throws ProtocolException {
        int n = data.limit();
        byte[] head = new byte[Math.min(n, MAX_HEADER)];
        data.get(0, head);
        if (n >= 1 && head[0] == 'P') {
            return decodeV1(head);
        }
        if (n >= 1 && head[0] == 0x0D) {
            return decodeV2(head);
        }
        throw new ProtocolException("connection does not start with a PROXY protocol header");
    }

    private static Parsed decodeV1(byte[] head) throws ProtocolException {
        int end = -1;
        for (int i = 0; i + 1 < head.length && i < V1_MAX; i++) {
            if (head[i] == '\r' && head[i + 1] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            if (head.length >= V1_MAX || !startsWith(head, "PROXY ".getBytes(StandardCharsets.US_ASCII))) {
                throw new ProtocolException("bad PROXY v1 header");
            }
            return null;
        }
        String[] f = new String(head, 0, end, StandardCharsets.US_ASCII).split(" ");
        if (f.length >= 2 && f[0].equals("PROXY") && f[1].equals("UNKNOWN")) {
            return new Parsed(end + 2, null);
        }
        if (f.length != 6 || !f[0].equals("PROXY") || !(f[1].equals("TCP4") || f[1].equals("TCP6"))) {
            throw new ProtocolException("bad PROXY v1 header");
        }
        try {
            return new Parsed(end + 2, new InetSocketAddress(InetAddress.getByName(literal(f[2])), Integer.parseInt(f[4])));
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new ProtocolException("bad address in PROXY v1 header");
        }
    }

    /** Only numeric literals: never let a header make the agent resolve a name. */
    private static String literal(String s) throws UnknownHostException {
        if (!s.matches("[0-9a-fA-F:.]+")) {
            throw new UnknownHostException(s);
        }
        return s;
    }

    private static Parsed decodeV2(byte[] head) throws ProtocolException {
        if (head.length < 16) {
            if (!startsWith(V2_SIGNATURE, Arrays.copyOf(head, Math.min(head.length, 12)))) {
                throw new ProtocolException("bad PROXY v2 signature");
            }
            return null;
        }
        if (!startsWith(head, V2_SIGNATURE) || (head[12] & 0xf0) != 0x20) {
            throw new ProtocolException("bad PROXY v2 signature or version");
        }
        int length = 16 + ((head[14] & 0xff) << 8 | (head[15] & 0xff));
        if (length > MAX_HEADER) {
            throw new ProtocolException("PROXY v2 header of " + length + " bytes is over " + MAX_HEADER);
        }
        if (head.length < length) {
            return null;
        }
        int command = head[12] & 0x0f;
        int family = (head[13] & 0xff) >> 4;
        try {
            if (command == 0 || family == 0) {
                return new Parsed(length, null);
            }
            if (family == 1 && length >= 16 + 12) {
                return new Parsed(length, new InetSocketAddress(InetAddress.getByAddress(Arrays.copyOfRange(head, 16, 20)), port(head, 24)));
            }
            if (family == 2 && length >= 16 + 36) {
                return new Parsed(length, new InetSocketAddress(InetAddress.getByAddress(Arrays.copyOfRange(head, 16, 32)), port(head, 48)));
            }
        } catch (UnknownHostException e) {
            throw new ProtocolException("bad address in PROXY v2 header");
        }
        throw new ProtocolException("unsupported PROXY v2 address family " + family);
    }

    private static int port(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static final class ProtocolException extends Exception {
        ProtocolException(String message) {
            super(message);
        }
    }
}
