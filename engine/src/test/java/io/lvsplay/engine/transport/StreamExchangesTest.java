package io.lvsplay.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The become handshake and deadlines over a local shell that behaves like sudo: it prints the
 * prompt on stderr and reads a password line, or (NOPASSWD) goes straight to the command.
 */
class StreamExchangesTest {
    private static final String SECRET = "BecomeSecret-42";
    private static final PromptReply REPLY = new PromptReply("[pw k1] ", "READY-k1", SECRET);
    private final LocalConnection host = new LocalConnection("local");

    private static final String ASKS = "printf '[pw k1] ' >&2; IFS= read -r pw; "
            + "[ \"$pw\" = " + SECRET + " ] || { printf '[pw k1] ' >&2; exit 1; }; echo READY-k1; cat";
    private static final String NOPASSWD = "echo READY-k1; cat";

    @Test
    void withNopasswdThePasswordIsNeverSentAndStdinArrivesWhole() {
        ExecResult r = host.exec(NOPASSWD, "hello\n".getBytes(), ExecOptions.DEFAULT.withBecome(REPLY));
        assertEquals("hello\n", r.stdout());
        assertFalse(r.stdout().contains(SECRET));
    }

    @Test
    void thePasswordGoesOnlyToThePromptAndNeverIntoTheData() {
        ExecResult r = host.exec(ASKS, "hello\n".getBytes(), ExecOptions.DEFAULT.withBecome(REPLY));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("hello\n", r.stdout());
        assertEquals("", r.stderr(), "the prompt is not part of the command's stderr");
    }

    @Test
    void aPromptWithoutAPasswordFailsInsteadOfHanging() {
        PromptReply none = new PromptReply("[pw k1] ", "READY-k1", null);
        BecomeRefused e = assertThrows(BecomeRefused.class,
                () -> host.exec(ASKS, new byte[0], ExecOptions.DEFAULT.withBecome(none)));
        assertTrue(e.getMessage().contains("password is required"));
    }

    @Test
    void aWrongPasswordIsReportedAsRefused() {
        PromptReply wrong = new PromptReply("[pw k1] ", "READY-k1", "nope");
        assertThrows(BecomeRefused.class, () -> host.exec(ASKS, new byte[0], ExecOptions.DEFAULT.withBecome(wrong)));
    }

    @Test
    void aCommandPastItsDeadlineIsStopped() {
        long start = System.nanoTime();
        assertThrows(CommandTimedOut.class, () -> host.exec("sleep 30", new byte[0], new ExecOptions(1, null)));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "stopped near the 1 s deadline");
    }

    @Test
    void aCommandThatStopsReadingDoesNotBlockTheWriter() {
        ExecResult r = host.exec("echo 'No space left on device' >&2; exit 1", new byte[8 * 1024 * 1024]);
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("No space left on device"));
    }
}
