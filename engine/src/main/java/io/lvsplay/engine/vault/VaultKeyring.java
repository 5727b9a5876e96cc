package io.lvsplay.engine.vault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The vault secrets of one run and what they revealed. Loaders that meet a vault text ask the
 * installed keyring (the YAML loaders are static, so there is one per process, set by the CLI);
 * every decrypted value is handed to the subscribers (the output redactor) so it is never printed.
 */
public final class VaultKeyring {
    private static volatile VaultKeyring installed = new VaultKeyring(List.of());

    private final List<VaultSecret> secrets;
    private final Set<String> revealed = ConcurrentHashMap.newKeySet();
    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();

    public VaultKeyring(List<VaultSecret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    public static VaultKeyring installed() {
        return installed;
    }

    public static void install(VaultKeyring keyring) {
        installed = keyring;
    }

    public List<VaultSecret> secrets() {
        return secrets;
    }

    /** Decrypts a vault text: secrets whose id matches the envelope's first, then all (Ansible's default). */
    public String decrypt(String vaultText) {
        VaultEnvelope envelope = VaultEnvelope.parse(vaultText);
        if (secrets.isEmpty()) {
            throw new VaultError("Attempting to decrypt but no vault secrets found"
                    + " (give --vault-password-file, --vault-id or --ask-vault-pass)");
        }
        List<VaultSecret> order = new ArrayList<>();
        secrets.stream().filter(s -> s.id().equals(envelope.vaultId())).forEach(order::add);
        secrets.stream().filter(s -> !order.contains(s)).forEach(order::add);
        for (VaultSecret secret : order) {
            byte[] plain = VaultCipher.decrypt(envelope.body(), secret.password());
            if (plain != null) {
                return new String(plain, StandardCharsets.UTF_8);
            }
        }
        throw new VaultError("Decryption failed (no vault secrets were found that could decrypt"
                + (envelope.vaultId() == null ? "" : " vault id '" + envelope.vaultId() + "'") + ")");
    }

    /** Decrypts an inline !vault value and marks it secret. */
    public String decryptValue(String vaultText) {
        String plain = decrypt(vaultText);
        reveal(plain);
        return plain;
    }

    /** Marks every scalar of a decrypted vars file secret (not booleans: they would mask every "true"). */
    public void revealValues(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            map.values().forEach(this::revealValues);
        } else if (tree instanceof Iterable<?> list) {
            list.forEach(this::revealValues);
        } else if (tree != null && !(tree instanceof Boolean)) {
            reveal(String.valueOf(tree));
        }
    }

    private void reveal(String plain) {
        if (revealed.add(plain)) {
            subscribers.forEach(s -> s.accept(plain));
        }
    }

    /** Hands every value revealed so far, and every later one, to the consumer. */
    public void subscribe(Consumer<String> consumer) {
        subscribers.add(consumer);
        revealed.forEach(consumer);
    }

    public static String encrypt(String plaintext, VaultSecret secret) {
        return VaultEnvelope.format(VaultCipher.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), secret.password()),
                secret.id());
    }
}
