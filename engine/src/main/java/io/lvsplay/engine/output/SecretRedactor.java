package io.lvsplay.engine.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in everything lvsplay prints: values of variables whose names say they are secret
 * (password, passwd, pass, secret, token, auth_pass, passphrase) are replaced by ********, also
 * inside diffs of rendered files; so are values decrypted from Ansible Vault, and the digests
 * (checksum, md5sum) of those values and of file content that carries them.
 */
public final class SecretRedactor {
    public static final String MASK = "********";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(^|_)(pass|password|passwd|secret|token|auth_pass|passphrase|api_key|secret_key)$");
    /** A Jinja2 expression or statement, and the names in it (filters and attributes too: only names of variables count). */
    private static final Pattern EXPRESSION = Pattern.compile("(?s)\\{[{%](.*?)[%}]\\}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> DIGESTS = List.of("MD5", "SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512");
    /** What is masked: secret values, their lines and the digests of secret content. */
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    /** The secret values themselves, looked for in file content. */
    private final Set<String> values = ConcurrentHashMap.newKeySet();

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
            learn(secret);
        }
    }

    /** A decrypted vault value: the whole text and each of its lines (a diff shows them one by one). */
    public void addSecretText(String secret) {
        // one character masked everywhere would garble the output and still say nothing useful
        if (secret == null || secret.strip().length() < 2) {
            return;
        }
        learn(secret);
        secret.lines().map(String::strip).filter(line -> line.length() >= 3).forEach(secrets::add);
    }

    /**
     * File content a task handled: when it carries a known secret (a template with auth_pass, a copy
     * of a vaulted value) or the task is no_log, its digests are masked from now on. The checksum of
     * a known file with a short secret in it gives the secret away to a dictionary attack.
     */
    public void learnContent(byte[] content, boolean noLog) {
        if (content != null && (noLog || carriesSecret(content))) {
            addDigests(content);
        }
    }

    private boolean carriesSecret(byte[] content) {
        // byte for byte, one char per byte: no decoding of large files, no copy twice their size
        String text = new String(content, StandardCharsets.ISO_8859_1);
        return values.stream().anyMatch(v -> text.contains(new String(v.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1)));
    }

    private void learn(String secret) {
        values.add(secret);
        secrets.add(secret);
        // a file holding just the secret is reported with its checksum (copy, stat)
        addDigests(secret.getBytes(StandardCharsets.UTF_8));
        addDigests((secret + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Every algorithm a module reports a checksum in (stat's checksum_algorithm choices). */
    private void addDigests(byte[] content) {
        for (String algorithm : DIGESTS) {
            try {
                secrets.add(HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has " + algorithm, e);
            }
        }
    }

    /**
     * Facts a task set (set_fact, include_vars): a secret-named fact, and each part of a fact whose
     * value as written uses a secret (a secret-named or vaulted variable), is a secret under its new
     * name, whatever its value became ({@code x: "{{ vaulted | upper }}"}). Only strings are learned:
     * a length or a yes/no derived from a secret says little, and masking "8" or "true" everywhere
     * would garble the output.
     */
    public void learnFacts(Map<String, ?> asWritten, Map<String, ?> facts, Map<String, ?> vars) {
        learnFrom(facts);
        facts.forEach((name, value) -> learnDerived(asWritten.get(name), value, vars));
    }

    private void learnDerived(Object asWritten, Object value, Map<String, ?> vars) {
        if (asWritten instanceof Map<?, ?> written && value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> learnDerived(written.get(k), v, vars));
        } else if (asWritten instanceof List<?> written && value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                learnDerived(i < written.size() ? written.get(i) : null, list.get(i), vars);
            }
        } else if (asWritten instanceof String text && usesSecret(text, vars)) {
            strings(value).forEach(this::add);
        }
    }

    private boolean usesSecret(String asWritten, Map<String, ?> vars) {
        Matcher expressions = EXPRESSION.matcher(asWritten);
        while (expressions.find()) {
            Matcher names = IDENTIFIER.matcher(expressions.group(1));
            while (names.find()) {
                String name = names.group();
                // hostvars and vars hold every secret: their names alone say nothing
                if (vars.containsKey(name) && !"hostvars".equals(name) && !"vars".equals(name)
                        && (isSecretName(name) || strings(vars.get(name)).stream().anyMatch(values::contains))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The strings in a value: itself, or the values and items of its maps and lists, all levels down. */
    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> out.addAll(strings(v)));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> out.addAll(strings(v)));
        } else if (value instanceof CharSequence text) {
            out.add(text.toString());
        }
        return out;
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
