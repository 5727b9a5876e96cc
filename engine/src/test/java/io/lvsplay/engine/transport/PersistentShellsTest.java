package io.lvsplay.engine.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many commands over one kept shell: each framed on its own, none able to disturb the next. */
class PersistentShellsTest {
    private final List<String> warnings = new ArrayList<>();
    private final PersistentShells shells = new PersistentShells("h1", ProcessChannel.opener(null), true, warnings::add);

    @AfterEach
    void close() {
        shells.close();
    }

    private ExecResult run(String command) {
        return shells.exec(command, new byte[0], ExecOptions.DEFAULT);
    }

    @Test
    void manyCommandsShareOneShell() {
        for (int i = 0; i < 50; i++) {
            assertEquals("n" + i + "\n", run("echo n" + i).stdout());
        }
        assertEquals(1, shells.starts());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void stdoutAndStderrStayApartAndExitCodesArrive() {
        ExecResult r = run("echo out; echo err >&2; printf tail; exit 3");
        assertEquals(3, r.exitCode());
        assertEquals("out\ntail", r.stdout());
        assertEquals("err\n", r.stderr());
        assertEquals(255, run("exit 255").exitCode());
        assertEquals(0, run("true").exitCode());
        assertEquals(1, shells.starts(), "a failing command does not cost the shell");
    }

    @Test
    void outputThatLooksLikeAFrameMarkerIsJustOutput() {
        String fake = "LVSPLAY-END-000000000000000000000000";
        ExecResult r = run("printf '%s:000\\n%s\\n' " + fake + " " + fake + "; printf '%s\\n' " + fake + " >&2");
        assertEquals(fake + ":000\n" + fake + "\n", r.stdout());
        assertEquals(fake + "\n", r.stderr());
        assertEquals("next\n", run("echo next").stdout());
    }

    @Test
    void binaryInputComesBackByteForByte() {
        byte[] all = new byte[256 * 40];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        ExecResult r = shells.exec("cat", all, ExecOptions.DEFAULT);
        assertArrayEquals(all, r.stdoutBytes());
        assertEquals("after\n", run("echo after").stdout(), "the input did not leak into the shell's script");
    }

    @Test
    void largeInputArrivesWithItsExactSizeAndDigest() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024 + 7];
        new Random(42).nextBytes(big);
        String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(big));
        assertEquals(String.valueOf(big.length), shells.exec("wc -c", big, ExecOptions.DEFAULT).stdout().strip());
        assertEquals(sum + "  -\n", shells.exec("sha256sum", big, ExecOptions.DEFAULT).stdout());
    }

    @Test
    void inputWithinTheLimitTravelsInTheShellAndBeyondItOnAChannelOfItsOwn() {
        byte[] small = new byte[PersistentShells.INLINE_INPUT_LIMIT];
        assertEquals(String.valueOf(small.length), shells.exec("wc -c", small, ExecOptions.DEFAULT).stdout().strip());
        assertEquals(1, shells.starts());
        byte[] big = new byte[PersistentShells.INLINE_INPUT_LIMIT + 1];
        assertEquals(String.valueOf(big.length), shells.exec("wc -c", big, ExecOptions.DEFAULT).stdout().strip());
        assertEquals("same shell\n", run("echo same shell").stdout());
        assertEquals(1, shells.starts());
    }

    @Test
    void aCommandWithoutInputReadsEndOfFileNotTheShellsScript() {
        assertEquals("", run("cat").stdout());
        assertEquals("still here\n", run("echo still here").stdout());
    }

    @Test
    void exitCdAndShellOptionsEndWithTheCommand() {
        run("cd /tmp; set -e; FOO=bar; export FOO; exit 0");
        assertEquals("unset\n", run("echo ${FOO:-unset}").stdout());
        assertEquals(1, shells.starts());
    }

    @Test
    void aCommandPastItsDeadlineIsStoppedAndTheNextOneGetsAFreshShell() {
        run("true");
        long start = System.nanoTime();
        assertThrows(CommandTimedOut.class, () -> shells.exec("sleep 30", new byte[0], new ExecOptions(1, null)));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "stopped near the 1 s deadline");
        assertEquals("fresh\n", run("echo fresh").stdout());
        assertEquals(2, shells.starts());
    }

    @Test
    void aShellKilledUnderItsCommandIsReportedAndReplaced() {
        assertThrows(TransportException.class, () -> run("kill -9 $PPID"));
        assertEquals("again\n", run("echo again").stdout());
        assertEquals(2, shells.starts());
    }

    @Test
    void whereNoShellCanBeKeptEveryCommandGetsItsOwnChannelAfterOneWarning() {
        ShellChannel.Opener plain = ProcessChannel.opener(null);
        // a host whose shell refuses to stay (a forced command, no /bin/sh): it exits at once
        ShellChannel.Opener noShell = command -> plain.open(command.equals("exec /bin/sh") ? "exit 1" : command);
        try (PersistentShells fallback = new PersistentShells("h2", noShell, true, warnings::add)) {
            assertEquals("one\n", fallback.exec("echo one", new byte[0], ExecOptions.DEFAULT).stdout());
            assertEquals("two\n", fallback.exec("cat", "two\n".getBytes(StandardCharsets.UTF_8), ExecOptions.DEFAULT).stdout());
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("h2: cannot keep a shell open"), warnings.get(0));
        }
    }

    @Test
    void turnedOffMeansOneChannelPerCommandWithoutAWarning() {
        try (PersistentShells off = new PersistentShells("h3", ProcessChannel.opener(null), false, warnings::add)) {
            assertEquals("x\n", off.exec("echo x", new byte[0], ExecOptions.DEFAULT).stdout());
            assertEquals(0, off.starts());
            assertTrue(warnings.isEmpty());
        }
    }
}
