package io.lvsplay.engine.vault;

import java.nio.charset.StandardCharsets;

/** One vault password with its vault id ("default" unless --vault-id label@source named one). */
public record VaultSecret(String id, byte[] password) {
    public static final String DEFAULT_ID = "default";

    public static VaultSecret of(String id, String password) {
        return new VaultSecret(id == null || id.isEmpty() ? DEFAULT_ID : id, password.getBytes(StandardCharsets.UTF_8));
    }
}
