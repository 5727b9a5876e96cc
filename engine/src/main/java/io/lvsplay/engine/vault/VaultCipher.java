package io.lvsplay.engine.vault;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ansible Vault's AES256 cipher (formats 1.1 and 1.2): PBKDF2-HMAC-SHA256 with 10000 rounds derives
 * an AES key, an HMAC key and a CTR counter from the password and a 32-byte salt; the plaintext is
 * PKCS#7-padded, encrypted with AES-CTR and authenticated with HMAC-SHA256 over the ciphertext.
 * The body is hex(hex(salt) \n hex(hmac) \n hex(ciphertext)).
 */
final class VaultCipher {
    private static final int ROUNDS = 10_000;
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultCipher() {
    }

    static String encrypt(byte[] plaintext, byte[] password) {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        Keys keys = derive(password, salt);
        byte[] ciphertext = aesCtr(keys, pad(plaintext));
        String inner = HEX.formatHex(salt) + "\n" + HEX.formatHex(keys.hmac(ciphertext)) + "\n" + HEX.formatHex(ciphertext);
        return HEX.formatHex(inner.getBytes(StandardCharsets.US_ASCII));
    }

    /** The plaintext, or null when this password does not match the HMAC. */
    static byte[] decrypt(String body, byte[] password) {
        String[] parts;
        try {
            parts = new String(HEX.parseHex(body), StandardCharsets.US_ASCII).split("\n");
            if (parts.length != 3) {
                throw new VaultError("Vault format unhexlify error: the body is not salt, hmac and ciphertext");
            }
            byte[] salt = HEX.parseHex(parts[0]);
            byte[] expected = HEX.parseHex(parts[1]);
            byte[] ciphertext = HEX.parseHex(parts[2]);
            Keys keys = derive(password, salt);
            if (!MessageDigest.isEqual(expected, keys.hmac(ciphertext))) {
                return null;
            }
            return unpad(aesCtr(keys, ciphertext));
        } catch (IllegalArgumentException e) {
            throw new VaultError("Vault format unhexlify error: " + e.getMessage());
        }
    }

    private record Keys(byte[] aes, byte[] hmacKey, byte[] counter) {
        byte[] hmac(byte[] data) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
                return mac.doFinal(data);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Keys derive(byte[] password, byte[] salt) {
        try {
            // the JDK's PBKDF2 feeds the password to HMAC as UTF-8, as Ansible does with its bytes
            PBEKeySpec spec = new PBEKeySpec(passwordChars(password), salt, ROUNDS, 80 * 8);
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new Keys(Arrays.copyOfRange(derived, 0, 32), Arrays.copyOfRange(derived, 32, 64),
                    Arrays.copyOfRange(derived, 64, 80));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static char[] passwordChars(byte[] password) {
        if (password.length == 0) {
            throw new VaultError("Invalid vault password was provided: the password is empty");
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(password));
            return Arrays.copyOf(chars.array(), chars.limit());
        } catch (CharacterCodingException e) {
            throw new VaultError("lvsplay does not support vault passwords that are not UTF-8 text");
        }
    }

    private static byte[] aesCtr(Keys keys, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.aes(), "AES"), new IvParameterSpec(keys.counter()));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pad(byte[] data) {
        int n = 16 - data.length % 16;
        byte[] out = Arrays.copyOf(data, data.length + n);
        Arrays.fill(out, data.length, out.length, (byte) n);
        return out;
    }

    private static byte[] unpad(byte[] data) {
        int n = data.length == 0 ? 0 : data[data.length - 1] & 0xff;
        if (n < 1 || n > 16 || n > data.length) {
            throw new VaultError("Decryption failed: bad padding in the decrypted data");
        }
        return Arrays.copyOf(data, data.length - n);
    }
}
