package io.lvsplay.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent become shell, against a fake sudo on PATH that behaves like the real one: it
 * prints the prompt it was given on stderr, reads one password line, and asks again when it is wrong.
 */
class SudoShellTest {
    private static final String SECRET = "BecomeSecret-42";
    private final List<String> warnings = new ArrayList<>();

    @TempDir
    Path bin;

    private PersistentShells shellsWithSudo(String requiredPassword) throws IOException {
        String ask = requiredPassword == null ? "" : """
                printf '%s' "$prompt" >&2; IFS= read -r pw
                if [ "$pw" != 'PW' ]; then printf 'Sorry, try again.\\n%s' "$prompt" >&2; IFS= read -r pw
                  echo 'sudo: 1 incorrect password attempt' >&2; exit 1; fi
                """.replace("PW", requiredPassword);
        Path sudo = bin.resolve("sudo");
        Files.writeString(sudo, "#!/bin/sh\necho call >> " + bin.resolve("calls") + "\n"
                + "while [ $# -gt 0 ]; do case \"$1\" in -p) prompt=$2; shift 2;; -u) shift 2;; "
                + "--) shift; break;; *) shift;; esac; done\n" + ask + "exec \"$@\"\n");
        Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new PersistentShells("h1", ProcessChannel.opener(bin), true, warnings::add);
    }

    private long sudoCalls() throws IOException {
        Path calls = bin.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
    }

    @Test
    void oneSudoServesEveryBecomeCommandAndThePasswordGoesOnlyToItsPrompt() throws IOException {
        try (PersistentShells shells = shellsWithSudo(SECRET)) {
            Sudo root = new Sudo("root", SECRET);
            for (int i = 0; i < 5; i++) {
                ExecResult r = shells.execAs(root, "echo n" + i + "; echo e" + i + " >&2", new byte[0], ExecOptions.DEFAULT);
                assertEquals("n" + i + "\n", r.stdout());
                assertEquals("e" + i + "\n", r.stderr(), "neither the prompt nor anything else of sudo's");
                assertFalse((r.stdout() + r.stderr()).contains(SECRET));
            }
            ExecResult fed = shells.execAs(root, "cat", "payload".getBytes(StandardCharsets.UTF_8), ExecOptions.DEFAULT);
            assertEquals("payload", fed.stdout(), "the command's input, never the password");
            assertEquals(1, sudoCalls());
            assertEquals(1, shells.starts());
        }
    }

    @Test
    void withNopasswdNoPasswordIsNeeded() throws IOException {
        try (PersistentShells shells = shellsWithSudo(null)) {
            assertEquals("ok\n", shells.execAs(new Sudo("root", null), "echo ok", new byte[0], ExecOptions.DEFAULT).stdout());
        }
    }

    @Test
    void aPromptWithoutAPasswordFailsInsteadOfHanging() throws IOException {
        try (PersistentShells shells = shellsWithSudo(SECRET)) {
            BecomeRefused e = assertThrows(BecomeRefused.class,
                    () -> shells.execAs(new Sudo("root", null), "true", new byte[0], ExecOptions.DEFAULT));
            assertTrue(e.getMessage().contains("password is required"), e.getMessage());
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndNotEchoed() throws IOException {
        try (PersistentShells shells = shellsWithSudo(SECRET)) {
            BecomeRefused e = assertThrows(BecomeRefused.class,
                    () -> shells.execAs(new Sudo("root", "nope"), "true", new byte[0], ExecOptions.DEFAULT));
            assertFalse(e.getMessage().contains("nope"));
        }
    }

    @Test
    void sudoRefusingOutrightComesBackAsItsResult() throws IOException {
        Path sudo = bin.resolve("sudo");
        Files.writeString(sudo, "#!/bin/sh\necho 'sudo: a password is required' >&2; exit 1\n");
        Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (PersistentShells shells = new PersistentShells("h1", ProcessChannel.opener(bin), true, warnings::add)) {
            ExecResult r = shells.execAs(new Sudo("root", null), "true", new byte[0], ExecOptions.DEFAULT);
            assertEquals(1, r.exitCode());
            assertEquals("sudo: a password is required\n", r.stderr());
        }
    }

    @Test
    void theLoginShellAndTheBecomeShellAreKeptApart() throws IOException {
        try (PersistentShells shells = shellsWithSudo(null)) {
            assertEquals("plain\n", shells.exec("echo plain", new byte[0], ExecOptions.DEFAULT).stdout());
            assertEquals("become\n", shells.execAs(new Sudo("root", null), "echo become", new byte[0], ExecOptions.DEFAULT).stdout());
            assertEquals("plain\n", shells.exec("echo plain", new byte[0], ExecOptions.DEFAULT).stdout());
            assertEquals(2, shells.starts());
            assertEquals(1, sudoCalls());
        }
    }
}
