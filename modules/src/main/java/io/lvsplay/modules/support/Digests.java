package io.lvsplay.modules.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hex digests Ansible's modules report: checksum (sha1) and md5sum. */
public final class Digests {
    private Digests() {
    }

    public static String sha1(byte[] bytes) {
        return hex("SHA-1", bytes);
    }

    public static String md5(byte[] bytes) {
        return hex("MD5", bytes);
    }

    /** By the name stat's checksum_algorithm uses: md5, sha1, sha224, sha256, sha384, sha512. */
    public static String of(String ansibleName, byte[] bytes) {
        return hex(ansibleName.equals("md5") ? "MD5" : "SHA-" + ansibleName.substring(3), bytes);
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has " + algorithm, e);
        }
    }
}
