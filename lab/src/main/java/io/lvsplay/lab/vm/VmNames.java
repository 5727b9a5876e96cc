package io.lvsplay.lab.vm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of a VM lab's host resources. Linux interface names have at most 15 characters, too few for
 * "lvsplay-&lt;lab&gt;-&lt;network&gt;", so bridges and taps are named from a hash of the lab name
 * ({@code lv1a2b3c-lan}, {@code lv1a2b3ct021}) and carry a readable alias ({@link #alias}) by which
 * {@code lab down} finds them, even when the lab's state directory is gone.
 */
public final class VmNames {

    private static final String ALIAS_PREFIX = "lvsplay-vm-lab:";

    private VmNames() {
    }

    /** Six hex digits that identify the lab in interface names and MAC addresses. */
    static String labTag(String lab) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(lab.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The bridge of one lab network: {@code lv<tag>-lan} or {@code lv<tag>-wan}. */
    public static String bridge(String lab, String networkKey) {
        return "lv" + labTag(lab) + "-" + networkKey;
    }

    /** The tap of NIC {@code nic} (0 = eth0) of the host at position {@code hostIndex} in the plan. */
    public static String tap(String lab, int hostIndex, int nic) {
        if (hostIndex > 99 || nic > 9) {
            throw new IllegalArgumentException("a VM lab has at most 100 hosts with 10 NICs each");
        }
        return String.format("lv%st%02d%d", labTag(lab), hostIndex, nic);
    }

    /** Locally administered, unique within the lab, and stable across runs (52:54:xx is QEMU's range). */
    static String mac(String lab, int hostIndex, int nic) {
        String tag = labTag(lab);
        return String.format("52:54:%s:%s:%02x:%02x", tag.substring(0, 2), tag.substring(2, 4), hostIndex, nic);
    }

    /** The ifalias of every bridge and tap of the lab; {@code lab down} deletes the links that carry it. */
    static String alias(String lab) {
        return ALIAS_PREFIX + lab;
    }

    /** The iptables comment on the lab's FORWARD rules (no spaces: {@code iptables -S} output is split on them). */
    static String firewallComment(String lab) {
        return ALIAS_PREFIX + lab;
    }

    /** QEMU's -name of a lab VM; {@code lab down} and {@code lab status} find the processes by it. */
    static String qemuName(String lab, String host) {
        return qemuNamePrefix(lab) + host;
    }

    static String qemuNamePrefix(String lab) {
        // '/' cannot occur in lab names, so one lab's prefix never matches another lab's VMs.
        return "lvsplay-vm/" + lab + "/";
    }
}
