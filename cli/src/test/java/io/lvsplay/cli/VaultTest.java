package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lvsplay.engine.vault.VaultKeyring;
import io.lvsplay.engine.vault.VaultSecret;
import io.lvsplay.it.LvsplayRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vaulted vars in a run (never printed) and lvsplay vault against Debian's ansible-vault. */
class VaultTest {
    private static final String SECRET = "Sup3r-Secret-Value";
    private static final VaultSecret PW = VaultSecret.of("default", "vault-pw");

    @TempDir
    Path dir;

    @AfterEach
    void forgetKeyring() {
        VaultKeyring.install(new VaultKeyring(List.of()));
    }

    private LvsplayRun.Result run(String... args) {
        return CliRun.run(Map.of(), dir, args);
    }

    private Path project() throws IOException {
        Files.writeString(dir.resolve("pw"), "vault-pw\n");
        Files.writeString(dir.resolve("inv.ini"), "[web]\nh1 ansible_connection=local\n");
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/web.yml"), VaultKeyring.encrypt("db_pw: " + SECRET + "\n", PW));
        String inline = VaultKeyring.encrypt("inline-" + SECRET, PW).lines().map(l -> "      " + l + "\n").reduce("", String::concat);
        return Files.writeString(dir.resolve("pb.yml"), "- hosts: web\n  gather_facts: false\n  vars:\n    tok: !vault |\n"
                + inline + "  tasks:\n    - debug: msg=\"{{ db_pw }} {{ tok }}\"\n"
                + "    - copy: content=\"{{ db_pw }}\" dest=" + dir.resolve("out.txt") + "\n");
    }

    @Test
    void vaultedGroupVarsAndInlineValuesAreUsedButNeverPrinted() throws IOException {
        Path pb = project();
        for (List<String> extra : List.of(List.of("-vvv", "--diff"), List.of("--json", "--diff"))) {
            Files.deleteIfExists(dir.resolve("out.txt"));
            List<String> args = new java.util.ArrayList<>(List.of("run", "-i", dir.resolve("inv.ini").toString(),
                    pb.toString(), "--vault-password-file", dir.resolve("pw").toString()));
            args.addAll(extra);
            LvsplayRun.Result r = run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.output());
            assertFalse(r.output().contains(SECRET), r.output());
            assertTrue(r.output().contains("********"), r.output());
            assertEquals(SECRET, Files.readString(dir.resolve("out.txt")));
        }
    }

    /** set_fact copies and transforms of a vaulted value stay secret under their new names and when registered. */
    @Test
    void aFactMadeFromAVaultedValueIsMaskedUnderItsNewNameAndWhenRegistered() throws IOException {
        String inline = VaultKeyring.encrypt(SECRET, PW).lines().map(l -> "      " + l + "\n").reduce("", String::concat);
        Files.writeString(dir.resolve("pw"), "vault-pw\n");
        Files.writeString(dir.resolve("inv.ini"), "[web]\nh1 ansible_connection=local\n");
        Path pb = Files.writeString(dir.resolve("facts.yml"), "- hosts: web\n  gather_facts: false\n  vars:\n"
                + "    tok: !vault |\n" + inline + "  tasks:\n"
                + "    - set_fact:\n        same: \"{{ tok }}\"\n        shouted: \"{{ tok | upper }}\"\n"
                + "        encoded: \"{{ tok | b64encode }}\"\n      register: made\n"
                + "    - debug: var=shouted\n    - debug: var=made\n"
                + "    - debug: msg=\"{{ encoded }}\"\n");
        for (String extra : List.of("-vvv", "--json")) {
            LvsplayRun.Result r = run("run", "-i", dir.resolve("inv.ini").toString(), pb.toString(),
                    "--vault-password-file", dir.resolve("pw").toString(), extra);
            assertEquals(0, r.exitCode(), r.output());
            for (String derived : List.of(SECRET, SECRET.toUpperCase(java.util.Locale.ROOT),
                    java.util.Base64.getEncoder().encodeToString(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
                assertFalse(r.output().contains(derived), derived + " in " + r.output());
            }
            assertTrue(r.stdout().contains("\"shouted\": \"********\""), r.stdout());
        }
    }

    @Test
    void withoutAPasswordTheRunStopsBeforeAnyTaskNamingTheFile() throws IOException {
        Path pb = project();
        LvsplayRun.Result r = run("run", "-i", dir.resolve("inv.ini").toString(), pb.toString());
        assertEquals(5, r.exitCode());
        assertTrue(r.stderr().contains("no vault secrets found"), r.stderr());
        assertFalse(Files.exists(dir.resolve("out.txt")));
    }

    @Test
    void aWrongPasswordIsADecryptionError() throws IOException {
        Path pb = project();
        Files.writeString(dir.resolve("bad"), "nope\n");
        LvsplayRun.Result r = run("run", "-i", dir.resolve("inv.ini").toString(), pb.toString(),
                "--vault-id", dir.resolve("bad").toString());
        assertEquals(5, r.exitCode());
        assertTrue(r.stderr().contains("Decryption failed"), r.stderr());
    }

    @Test
    void askVaultPassWithoutATerminalSaysWhatToDoInstead() throws IOException {
        Path pb = project();
        LvsplayRun.Result r = run("run", "-i", dir.resolve("inv.ini").toString(), pb.toString(), "--ask-vault-pass");
        assertEquals(5, r.exitCode());
        assertTrue(r.stderr().contains("needs a terminal") && r.stderr().contains("--vault-password-file"), r.stderr());
    }

    @Test
    void vaultPasswordFileFromTheEnvironment() throws IOException {
        Path pb = project();
        LvsplayRun.Result r = CliRun.run(Map.of("ANSIBLE_VAULT_PASSWORD_FILE", dir.resolve("pw").toString()), dir,
                "run", "-i", dir.resolve("inv.ini").toString(), pb.toString());
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void encryptViewDecryptRoundTrip() throws IOException {
        Files.writeString(dir.resolve("pw"), "vault-pw\n");
        Path file = Files.writeString(dir.resolve("v.yml"), "a: 1\n");
        String pw = dir.resolve("pw").toString();
        assertEquals(0, run("vault", "encrypt", "--vault-password-file", pw, file.toString()).exitCode());
        assertTrue(Files.readString(file).startsWith("$ANSIBLE_VAULT;1.1;AES256\n"));
        assertEquals("a: 1\n", run("vault", "view", "--vault-password-file", pw, file.toString()).stdout());
        assertEquals(5, run("vault", "encrypt", "--vault-password-file", pw, file.toString()).exitCode());
        assertEquals(0, run("vault", "decrypt", "--vault-password-file", pw, file.toString()).exitCode());
        assertEquals("a: 1\n", Files.readString(file));
    }

    @Test
    void rekeyChangesThePassword() throws IOException {
        Files.writeString(dir.resolve("pw"), "vault-pw\n");
        Files.writeString(dir.resolve("pw2"), "other-pw\n");
        Path file = Files.writeString(dir.resolve("v.yml"), VaultKeyring.encrypt("a: 1\n", PW));
        assertEquals(0, run("vault", "rekey", "--vault-password-file", dir.resolve("pw").toString(),
                "--new-vault-password-file", dir.resolve("pw2").toString(), file.toString()).exitCode());
        assertEquals("a: 1\n", run("vault", "view", "--vault-id", dir.resolve("pw2").toString(), file.toString()).stdout());
    }

    @Test
    void ansibleVaultReadsOurFilesAndStringsAndWeReadItsFiles() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible-vault")), "Debian's ansible-vault is not installed");
        Files.writeString(dir.resolve("pw"), "vault-pw\n");
        String id = "prod@" + dir.resolve("pw");
        Path ours = Files.writeString(dir.resolve("ours.yml"), "x: ours\n");
        assertEquals(0, run("vault", "encrypt", "--vault-id", id, ours.toString()).exitCode());
        assertTrue(Files.readString(ours).startsWith("$ANSIBLE_VAULT;1.2;AES256;prod\n"));
        assertEquals("x: ours\n", exec("ansible-vault", "view", "--vault-id", id, ours.toString()));

        LvsplayRun.Result s = run("vault", "encrypt_string", "--vault-id", id, "--name", "tok", "str-secret");
        Path strings = Files.writeString(dir.resolve("s.yml"), s.stdout());
        String shown = exec("ansible", "-i", "localhost,", "localhost", "-c", "local", "-m", "debug", "-a", "var=tok",
                "-e", "@" + strings, "--vault-id", id);
        assertTrue(shown.contains("\"tok\": \"str-secret\""), shown);

        Path theirs = Files.writeString(dir.resolve("theirs.yml"), "y: theirs\n");
        exec("ansible-vault", "encrypt", "--vault-id", id, theirs.toString());
        assertEquals("y: theirs\n", run("vault", "view", "--vault-id", id, theirs.toString()).stdout());
    }

    private static String exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out + err);
        return out;
    }
}
