package io.lvsplay.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values of secret-named variables never reach the output. */
class SecretRedactorTest {

    @Test
    void secretNamesAreRecognisedBySuffix() {
        for (String name : List.of("db_password", "password", "ansible_become_pass", "api_token", "vrrp_auth_pass",
                "ssh_passphrase", "aws_secret_key", "API_KEY", "secret")) {
            assertTrue(SecretRedactor.isSecretName(name), name);
        }
    }

    @Test
    void ordinaryNamesAreNotSecret() {
        for (String name : List.of("passenger_count", "bypass_cache", "password_file_path", "tokens_used", "username")) {
            assertFalse(SecretRedactor.isSecretName(name), name);
        }
    }

    @Test
    void learnedValueIsMaskedWherever_itAppears() {
        SecretRedactor r = new SecretRedactor();
        r.learnFrom(Map.of("db_password", "s3cr3t-pw", "db_user", "app"));
        assertEquals("login app:" + SecretRedactor.MASK + " failed", r.redact("login app:s3cr3t-pw failed"));
    }

    @Test
    void nestedSecretNamesAreLearned() {
        SecretRedactor r = new SecretRedactor();
        r.learnFrom(Map.of("keepalived", Map.of("auth_pass", "vrrpsecret")));
        assertEquals(SecretRedactor.MASK, r.redact("vrrpsecret"));
    }

    @Test
    void numericSecretsAreMaskedToo() {
        SecretRedactor r = new SecretRedactor();
        r.learnFrom(Map.of("pin_password", 987654));
        assertEquals("pin=" + SecretRedactor.MASK, r.redact("pin=987654"));
    }

    @Test
    void longerSecretIsMaskedBeforeAShorterOneItContains() {
        SecretRedactor r = new SecretRedactor();
        r.addAll(List.of("abc", "abcdef"));
        assertEquals(SecretRedactor.MASK, r.redact("abcdef"));
    }

    @Test
    void veryShortValuesAndTemplatesAreNotLearned() {
        SecretRedactor r = new SecretRedactor();
        r.learnFrom(Map.of("x_password", "ab", "y_password", "{{ vault_pw }}"));
        assertEquals("ab {{ vault_pw }}", r.redact("ab {{ vault_pw }}"));
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        assertEquals("nothing here", new SecretRedactor().redact("nothing here"));
    }

    @Test
    void vaultedTextIsMaskedWholeAndLineByLine() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.addSecretText("-----BEGIN KEY-----\nAAAAB3Nza\n-----END KEY-----\n");
        assertEquals("+********\n+********", redactor.redact("+-----BEGIN KEY-----\n+AAAAB3Nza"));
    }

    @Test
    void anEmptyOrOneCharacterVaultValueMasksNothing() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.addSecretText("");
        redactor.addSecretText("x");
        assertEquals("text x", redactor.redact("text x"));
    }

    @Test
    void theChecksumOfAVaultedValueIsMaskedToo() {
        SecretRedactor r = new SecretRedactor();
        r.addSecretText("hunter2secret");
        // sha1 of "hunter2secret", as copy reports it for content: "{{ vaulted }}"
        assertEquals("\"checksum\": \"" + SecretRedactor.MASK + "\"",
                r.redact("\"checksum\": \"28f850ae66d710d8a0ffe547fd3aff47035e758f\""));
    }

    @Test
    void everyDigestOfANameLearnedSecretIsMasked() {
        SecretRedactor r = new SecretRedactor();
        r.add("K33pAl1v");
        for (String algorithm : new String[] {"MD5", "SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512"}) {
            for (String content : new String[] {"K33pAl1v", "K33pAl1v\n"}) {
                assertEquals("sum=" + SecretRedactor.MASK, r.redact("sum=" + hex(algorithm, content)), algorithm);
            }
        }
    }

    @Test
    void theDigestsOfContentThatCarriesASecretAreMasked() {
        SecretRedactor r = new SecretRedactor();
        r.add("K33pAl1v");
        String rendered = "vrrp_instance VI_1 {\n    auth_pass K33pAl1v\n}\n";
        r.learnContent(rendered.getBytes(StandardCharsets.UTF_8), false);
        assertEquals("\"checksum\": \"" + SecretRedactor.MASK + "\"",
                r.redact("\"checksum\": \"" + hex("SHA-1", rendered) + "\""));
        assertEquals(SecretRedactor.MASK, r.redact(hex("SHA-256", rendered)));
    }

    @Test
    void aSecretWithNonAsciiCharactersIsFoundInContentByItsBytes() {
        SecretRedactor r = new SecretRedactor();
        r.add("pässwörd");
        String content = "key=pässwörd\n";
        r.learnContent(content.getBytes(StandardCharsets.UTF_8), false);
        assertEquals(SecretRedactor.MASK, r.redact(hex("SHA-1", content)));
    }

    @Test
    void anyContentOfANoLogTaskHasItsDigestsMasked() {
        SecretRedactor r = new SecretRedactor();
        r.learnContent("nothing secret here\n".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(SecretRedactor.MASK, r.redact(hex("MD5", "nothing secret here\n")));
    }

    @Test
    void contentWithoutASecretKeepsItsChecksum() {
        SecretRedactor r = new SecretRedactor();
        r.add("K33pAl1v");
        r.learnContent("plain\n".getBytes(StandardCharsets.UTF_8), false);
        assertEquals(hex("SHA-1", "plain\n"), r.redact(hex("SHA-1", "plain\n")));
    }

    @Test
    void aFactMadeFromAVaultedValueIsASecretUnderItsNewName() {
        SecretRedactor r = new SecretRedactor();
        r.addSecretText("S3cretVal");
        r.learnFacts(Map.of("x", "{{ vaulted | upper }}"), Map.of("x", "S3CRETVAL"), Map.of("vaulted", "S3cretVal"));
        assertEquals("x=" + SecretRedactor.MASK, r.redact("x=S3CRETVAL"));
    }

    @Test
    void aFactMadeFromASecretNamedVariableIsASecret() {
        SecretRedactor r = new SecretRedactor();
        r.learnFacts(Map.of("key", "{% if true %}{{ heartbeat_auth_secret }}-x{% endif %}"), Map.of("key", "hb-key-x"),
                Map.of("heartbeat_auth_secret", "hb-key"));
        assertEquals(SecretRedactor.MASK, r.redact("hb-key-x"));
    }

    @Test
    void onlyThePartsOfAFactThatUseASecretAreLearned() {
        SecretRedactor r = new SecretRedactor();
        r.add("vrrpPw12");
        r.learnFacts(Map.of("check", Map.of("state", "{{ ka_state }}", "hash", "{{ auth_pass | hash('sha1') }}",
                        "length", "{{ auth_pass | length }}", "blank", "{{ ' ' in auth_pass }}")),
                Map.of("check", Map.of("state", "MASTER", "hash", "0123abcd", "length", 8, "blank", false)),
                Map.of("ka_state", "MASTER", "auth_pass", "vrrpPw12"));
        assertEquals(SecretRedactor.MASK, r.redact("0123abcd"));
        // a state, a length or a yes/no is no secret: masking them would garble every line
        assertEquals("MASTER 8 false", r.redact("MASTER 8 false"));
    }

    @Test
    void aSecretNamedFactIsLearnedWhateverItsValueCameFrom() {
        SecretRedactor r = new SecretRedactor();
        r.learnFacts(Map.of("db_password", "{{ lookup('file', 'pw') }}"), Map.of("db_password", "from-a-file"), Map.of());
        assertEquals(SecretRedactor.MASK, r.redact("from-a-file"));
    }

    @Test
    void aFactThatUsesNoSecretStaysVisible() {
        SecretRedactor r = new SecretRedactor();
        r.add("vrrpPw12");
        r.learnFacts(Map.of("vip", "{{ lvs_vip }}", "pass_word_count", "{{ 3 }}"), Map.of("vip", "10.10.10.100",
                "pass_word_count", "three"), Map.of("lvs_vip", "10.10.10.100"));
        assertEquals("10.10.10.100 three", r.redact("10.10.10.100 three"));
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
