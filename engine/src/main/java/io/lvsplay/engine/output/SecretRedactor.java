package io.lvsplay.engine.output;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Hides secrets in everything lvsplay prints: values of variables whose names say they are secret
 * (password, passwd, pass, secret, token, auth_pass, passphrase) are replaced by ********, also
 * inside diffs of rendered files; so are values decrypted from Ansible Vault.
 */
public final class SecretRedactor {
    public static final String MASK = "********";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(^|_)(pass|password|passwd|secret|token|auth_pass|passphrase|api_key|secret_key)$");
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).find();
    }

    /** Remembers the secret-named values of a variable map (nested maps too). */
    public void learnFrom(Map<String, ?> vars) {
        vars.forEach((k, v) -> {
            if (v instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> m = (Map<String, ?>) nested;
                if (!"hostvars".equals(k) && !"groups".equals(k)) {
                    learnFrom(m);
                }
            } else if (v != null && isSecretName(k)) {
                add(String.valueOf(v));
            }
        });
    }

    public void add(String secret) {
        // very short values would mask ordinary words
        if (secret != null && secret.length() >= 3 && !secret.contains("{{")) {
            secrets.add(secret);
        }
    }

    /** A decrypted vault value: the whole text and each of its lines (a diff shows them one by one). */
    public void addSecretText(String secret) {
        // one character masked everywhere would garble the output and still say nothing useful
        if (secret == null || secret.strip().length() < 2) {
            return;
        }
        secrets.add(secret);
        secret.lines().map(String::strip).filter(line -> line.length() >= 3).forEach(secrets::add);
        // a file holding just the secret is reported with its checksum (copy, stat): the hash of a
        // short secret gives it away to a dictionary attack, so it is masked too
        for (String content : new String[] {secret, secret + "\n"}) {
            for (String algorithm : new String[] {"SHA-1", "MD5", "SHA-256"}) {
                secrets.add(hex(algorithm, content));
            }
        }
    }

    private static String hex(String algorithm, String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has " + algorithm, e);
        }
    }

    public void addAll(Collection<String> values) {
        values.forEach(this::add);
    }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
