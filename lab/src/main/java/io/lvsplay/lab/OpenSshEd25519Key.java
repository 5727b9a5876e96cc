package io.lvsplay.lab;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Generates an unencrypted Ed25519 key pair in OpenSSH's own formats, for machines without ssh-keygen.
 * The private key file is "openssh-key-v1" (what ssh-keygen writes and OpenSSH and sshj read).
 */
final class OpenSshEd25519Key {

    private static final String KEY_TYPE = "ssh-ed25519";
    // DER prefixes of Java's X.509 (public) and PKCS#8 (private) Ed25519 encodings; the raw 32 bytes follow.
    private static final int X509_PREFIX = 12;
    private static final int PKCS8_PREFIX = 16;

    private final byte[] publicKey;
    private final byte[] seed;
    private final String comment;

    private OpenSshEd25519Key(byte[] publicKey, byte[] seed, String comment) {
        this.publicKey = publicKey;
        this.seed = seed;
        this.comment = comment;
    }

    static OpenSshEd25519Key generate(String comment) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x509 = pair.getPublic().getEncoded();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            if (x509.length != X509_PREFIX + 32 || pkcs8.length != PKCS8_PREFIX + 32) {
                throw new LabException("unexpected Ed25519 key encoding from this JRE (" + x509.length + "/"
                        + pkcs8.length + " bytes); install openssh-client so ssh-keygen can make the lab key");
            }
            return new OpenSshEd25519Key(Arrays.copyOfRange(x509, X509_PREFIX, x509.length),
                    Arrays.copyOfRange(pkcs8, PKCS8_PREFIX, pkcs8.length), comment);
        } catch (GeneralSecurityException e) {
            throw new LabException("this JRE cannot generate Ed25519 keys (" + e.getMessage()
                    + "); install openssh-client so ssh-keygen can make the lab key", e);
        }
    }

    /** The authorized_keys line: {@code ssh-ed25519 AAAA... comment}. */
    String publicKeyLine() {
        return KEY_TYPE + " " + Base64.getEncoder().encodeToString(publicBlob()) + " " + comment + "\n";
    }

    String privateKeyPem() {
        try {
            ByteArrayOutputStream secret = new ByteArrayOutputStream();
            DataOutputStream s = new DataOutputStream(secret);
            int check = new SecureRandom().nextInt();
            s.writeInt(check);
            s.writeInt(check);
            writeString(s, KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
            writeString(s, publicKey);
            byte[] both = new byte[64];
            System.arraycopy(seed, 0, both, 0, 32);
            System.arraycopy(publicKey, 0, both, 32, 32);
            writeString(s, both);
            writeString(s, comment.getBytes(StandardCharsets.UTF_8));
            for (int pad = 1; secret.size() % 8 != 0; pad++) {
                s.writeByte(pad);
            }

            ByteArrayOutputStream file = new ByteArrayOutputStream();
            DataOutputStream f = new DataOutputStream(file);
            f.write("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
            writeString(f, "none".getBytes(StandardCharsets.US_ASCII)); // cipher
            writeString(f, "none".getBytes(StandardCharsets.US_ASCII)); // kdf
            writeString(f, new byte[0]); // kdf options
            f.writeInt(1); // number of keys
            writeString(f, publicBlob());
            writeString(f, secret.toByteArray());

            String body = Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(file.toByteArray());
            return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----\n";
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    private byte[] publicBlob() {
        try {
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(blob);
            writeString(out, KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
            writeString(out, publicKey);
            return blob.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    private static void writeString(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
