package io.lvsplay.engine.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vault texts as ansible-vault writes and reads them. */
class VaultKeyringTest {
    private static final VaultSecret PASSWORD = VaultSecret.of("default", "correct horse");

    @TempDir
    Path dir;

    @Test
    void encryptedTextDecryptsWithTheSamePassword() {
        String vault = VaultKeyring.encrypt("db_password: s3cret\n", PASSWORD);
        assertEquals("db_password: s3cret\n", new VaultKeyring(List.of(PASSWORD)).decrypt(vault));
    }

    @Test
    void envelopeIsVersionOnePointOneWithEightyColumnHexLines() {
        String vault = VaultKeyring.encrypt("x", PASSWORD);
        List<String> lines = vault.lines().toList();
        assertEquals("$ANSIBLE_VAULT;1.1;AES256", lines.get(0));
        assertTrue(lines.subList(1, lines.size() - 1).stream().allMatch(l -> l.length() == 80 && l.matches("[0-9a-f]+")));
        assertTrue(vault.endsWith("\n"));
    }

    @Test
    void aLabelledVaultIdMakesAVersionOnePointTwoHeader() {
        String vault = VaultKeyring.encrypt("x", VaultSecret.of("prod", "pw"));
        assertTrue(vault.startsWith("$ANSIBLE_VAULT;1.2;AES256;prod\n"), vault);
    }

    @Test
    void wrongPasswordIsRefusedNamingTheVaultId() {
        String vault = VaultKeyring.encrypt("x", VaultSecret.of("prod", "pw"));
        VaultError e = assertThrows(VaultError.class,
                () -> new VaultKeyring(List.of(VaultSecret.of("prod", "other"))).decrypt(vault));
        assertTrue(e.getMessage().contains("Decryption failed") && e.getMessage().contains("prod"), e.getMessage());
    }

    @Test
    void withoutSecretsTheErrorSaysHowToGiveOne() {
        String vault = VaultKeyring.encrypt("x", PASSWORD);
        VaultError e = assertThrows(VaultError.class, () -> new VaultKeyring(List.of()).decrypt(vault));
        assertTrue(e.getMessage().contains("no vault secrets found") && e.getMessage().contains("--vault-password-file"));
    }

    @Test
    void anySecretIsTriedWhenTheLabelDoesNotMatch() {
        String vault = VaultKeyring.encrypt("x", VaultSecret.of("dev", "pw"));
        VaultKeyring keyring = new VaultKeyring(List.of(VaultSecret.of("prod", "nope"), VaultSecret.of("other", "pw")));
        assertEquals("x", keyring.decrypt(vault));
    }

    @Test
    void inlineValuesAndWholeFileScalarsAreRevealedToSubscribers() {
        VaultKeyring keyring = new VaultKeyring(List.of(PASSWORD));
        List<String> seen = new ArrayList<>();
        keyring.subscribe(seen::add);
        keyring.decryptValue(VaultKeyring.encrypt("token-1", PASSWORD));
        keyring.revealValues(Map.of("a", List.of("nested-secret"), "flag", true));
        assertEquals(List.of("token-1", "nested-secret"), seen);
    }

    @Test
    void inlineVaultTagInYamlDecryptsWithTheInstalledKeyring() {
        VaultKeyring.install(new VaultKeyring(List.of(PASSWORD)));
        try {
            String yaml = "token: !vault |\n" + VaultKeyring.encrypt("abc", PASSWORD).lines()
                    .map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
            assertEquals(Map.of("token", "abc"), VaultYaml.load(yaml));
        } finally {
            VaultKeyring.install(new VaultKeyring(List.of()));
        }
    }

    @Test
    void passwordFileIsStrippedAndAnExecutableFileIsRun() throws IOException {
        Path file = Files.writeString(dir.resolve("pw"), "  secret \n");
        assertEquals("secret", new String(VaultPasswordSource.fromFile("default", file).password(), StandardCharsets.UTF_8));
        Path script = Files.writeString(dir.resolve("pw.sh"), "#!/bin/sh\necho from-script\n");
        script.toFile().setExecutable(true);
        VaultSecret s = VaultPasswordSource.fromVaultId("prod@" + script, p -> "unused");
        assertEquals("prod", s.id());
        assertEquals("from-script", new String(s.password(), StandardCharsets.UTF_8));
    }

    @Test
    void clientScriptIsToldWhichVaultIdIsWanted() throws IOException {
        Path script = Files.writeString(dir.resolve("keyring-client.sh"), "#!/bin/sh\necho \"pw-for-$2\"\n");
        script.toFile().setExecutable(true);
        VaultSecret s = VaultPasswordSource.fromVaultId("prod@" + script, p -> "unused");
        assertEquals("pw-for-prod", new String(s.password(), StandardCharsets.UTF_8));
    }

    @Test
    void emptyPasswordIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("pw"), "\n");
        assertThrows(VaultError.class, () -> VaultPasswordSource.fromFile("default", file));
    }

    @Test
    void ansibleVaultReadsWhatLvsplayWrites() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible-vault")), "Debian's ansible-vault is not installed");
        Path pw = Files.writeString(dir.resolve("pw"), "correct horse\n");
        Path file = Files.writeString(dir.resolve("v.yml"), VaultKeyring.encrypt("a: ünïcode\n", VaultSecret.of("prod", "correct horse")));
        assertEquals("a: ünïcode\n", exec("ansible-vault", "view", "--vault-id", "prod@" + pw, file.toString()));
    }

    @Test
    void lvsplayReadsWhatAnsibleVaultWrites() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible-vault")), "Debian's ansible-vault is not installed");
        Path pw = Files.writeString(dir.resolve("pw"), "correct horse\n");
        Path file = Files.writeString(dir.resolve("v.yml"), "b: [1, 2]\nc: long line " + "x".repeat(200) + "\n");
        exec("ansible-vault", "encrypt", "--vault-password-file", pw.toString(), file.toString());
        String vault = Files.readString(file);
        assertTrue(vault.startsWith("$ANSIBLE_VAULT;1.1;AES256"), vault);
        assertEquals("b: [1, 2]\nc: long line " + "x".repeat(200) + "\n", new VaultKeyring(List.of(PASSWORD)).decrypt(vault));
    }

    private static String exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        return out;
    }
}
