package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the run prints: no_log, secrets, PLAY RECAP, host pattern warnings. */
class OutputTest extends SemanticsTestBase {

    @Test
    void noLogHidesTheResult() {
        LvsplayRun.Result r = run("secrets.yml", "-v");
        assertFalse(r.output().contains("top-secret-output"), r.output());
        assertTrue(r.stdout().contains("the output has been hidden due to the fact that 'no_log: true' was specified"),
                r.stdout());
    }

    /** As Ansible's default callback: a no_log loop shows "(item=None)", never the item (ansible-playbook 2.14 does). */
    @Test
    void noLogHidesTheItemLabelsOfALoop() {
        LvsplayRun.Result r = run("loop-no-log.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertFalse(r.output().contains("loop-secret"), r.output());
        assertTrue(r.stdout().contains("changed: [h1] => (item=None)"), r.stdout());
    }

    @Test
    void noLogOnABlockHidesItsTasksResults() {
        LvsplayRun.Result r = run("block-no-log.yml", "-v");
        assertEquals(0, r.exitCode(), r.output());
        assertFalse(r.output().contains("block-secret-output"), r.output());
    }

    @Test
    void noLogHidesTheDiffToo() {
        LvsplayRun.Result r = run("block-no-log.yml", "--diff");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(Files.exists(file("hidden.conf")));
        assertFalse(r.output().contains("diff-secret-content"), r.output());
    }

    @Test
    void noLogOnThePlayHidesEveryResult() {
        LvsplayRun.Result r = run("play-no-log.yml", "-v");
        assertEquals(0, r.exitCode(), r.output());
        assertFalse(r.output().contains("play-secret-output"), r.output());
    }

    /**
     * copy, template, assemble, stat, find, fetch and a registered no_log result: no digest of content
     * that carries auth_pass (or of a no_log task's content) in -vvv --diff or --json; ansible-playbook
     * 2.14 prints them all outside no_log (it does not know auth_pass is secret).
     */
    @Test
    void noDigestOfSecretContentIsPrinted() throws Exception {
        inventory(ONE_HOST);
        List<String> secretContents = List.of("K33pAl1v", "vrrp_instance VI_1 {\n    auth_pass K33pAl1v\n}\n",
                "auth K33pAl1v\n", "nolog-content\n");
        for (String[] options : new String[][] {{"-vvv", "--diff"}, {"--json"}}) {
            LvsplayRun.Result r = run("secret-digests.yml", options);
            assertEquals(0, r.exitCode(), r.output());
            for (String content : secretContents) {
                for (String algorithm : new String[] {"MD5", "SHA-1", "SHA-256"}) {
                    String digest = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                            .digest(content.getBytes(StandardCharsets.UTF_8)));
                    assertFalse(r.output().contains(digest), algorithm + " of " + content + ": " + r.output());
                }
            }
            assertFalse(r.output().contains("K33pAl1v"), r.output());
            assertTrue(r.stdout().contains("\"checksum\": \"********\""), r.stdout());
            // masking is not blanket: content without a secret keeps its sha1
            assertTrue(r.stdout().contains("043eeff5427db21a2ee9271b5e9668ea5a1f757e"), r.stdout());
        }
    }

    /** A file nobody wrote in this run (stat alone reads it) and a fact made from a secret show nothing of it. */
    @Test
    void aStatOnlySecretFileAndAFactMadeFromASecretShowNothingOfIt() throws Exception {
        inventory(ONE_HOST);
        String authkeys = "auth 1\n1 sha1 Hb8Secret\n";
        Files.writeString(file("authkeys"), authkeys);
        for (String[] options : new String[][] {{"-vvv", "--diff"}, {"--json"}}) {
            LvsplayRun.Result r = run("secret-derived.yml", options);
            assertEquals(0, r.exitCode(), r.output());
            for (String algorithm : new String[] {"MD5", "SHA-1", "SHA-256"}) {
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                        .digest(authkeys.getBytes(StandardCharsets.UTF_8)));
                assertFalse(r.output().contains(digest), algorithm + " of authkeys: " + r.output());
            }
            assertFalse(r.output().contains("Hb8Secret"), r.output());
            assertFalse(r.output().contains("HB8SECRET"), r.output());
            assertTrue(r.stdout().contains("\"hb_key\": \"********\""), r.stdout());
            assertTrue(r.stdout().contains("10.10.10.12"), r.stdout());
        }
    }

    @Test
    void secretNamedVariableNeverAppearsEvenInAFailure() {
        LvsplayRun.Result r = run("secrets.yml", "-v");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("fatal: [h1]: FAILED!"), r.stdout());
        assertFalse(r.output().contains("Sup3rS3cretPw"), r.output());
        assertTrue(r.stdout().contains("connecting with ********"), r.stdout());
    }

    /** As ansible-playbook 2.14: a debug below its verbosity is skipped, and shown from that many -v on. */
    @Test
    void debugBelowItsVerbosityIsSkipped() {
        LvsplayRun.Result quiet = run("debug-verbosity.yml");
        assertEquals(0, quiet.exitCode(), quiet.output());
        assertTrue(quiet.stdout().contains("skipping: [h1]"), quiet.stdout());
        assertFalse(quiet.stdout().contains("only-at-vv"), quiet.stdout());
        LvsplayRun.Result verbose = run("debug-verbosity.yml", "-vv");
        assertTrue(verbose.stdout().contains("\"msg\": \"only-at-vv\""), verbose.stdout());
    }

    @Test
    void recapLineHasAnsiblesExactLayout() {
        LvsplayRun.Result r = run("fails-on-h2.yml");
        String expected = String.format("%-26s : ok=%-4d changed=%-4d unreachable=%-4d failed=%-4d skipped=%-4d rescued=%-4d ignored=%-4d",
                "h2", 0, 0, 0, 1, 0, 0, 0);
        assertTrue(r.stdout().contains("\n" + expected + "\n"), r.stdout());
        String h1 = String.format("%-26s : ok=%-4d changed=%-4d unreachable=%-4d failed=%-4d skipped=%-4d rescued=%-4d ignored=%-4d",
                "h1", 2, 2, 0, 0, 0, 0, 0);
        assertTrue(r.stdout().contains("\n" + h1 + "\n"), r.stdout());
    }

    @Test
    void bannersArePaddedWithStarsToEightyColumns() {
        LvsplayRun.Result r = run("ok.yml");
        assertTrue(r.stdout().contains("\nPLAY [web] " + "*".repeat(69) + "\n"), r.stdout());
        assertTrue(r.stdout().contains("\nTASK [fine] " + "*".repeat(68) + "\n"), r.stdout());
        assertTrue(r.stdout().contains("\nPLAY RECAP " + "*".repeat(69) + "\n"), r.stdout());
    }

    @Test
    void unknownHostPatternWarnsAndSkipsThePlay() {
        LvsplayRun.Result r = run("patterns.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("[WARNING]"), r.output());
        assertTrue(r.output().contains("nosuchgroup"), r.output());
        assertFalse(Files.exists(file("nobody")));
    }

    @Test
    void exclusionPatternLeavesOutTheHost() {
        LvsplayRun.Result r = run("patterns.yml");
        assertTrue(Files.exists(file("h1-pattern")));
        assertFalse(Files.exists(file("h2-pattern")));
        assertEquals(-1, r.recapValue("h2", "ok"), r.stdout());
    }

    @Test
    void templatedConditionWarnsOnStderrWrappedOncePerTask() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("when-templated.yml");
        assertEquals(0, r.exitCode(), r.output());
        String flag = "[WARNING]: conditional statements should not include jinja2 templating\n"
                + "delimiters such as {{ }} or {% %}. Found: {{ flag }}\n";
        assertEquals(flag + "[WARNING]: conditional statements should not include jinja2 templating\n"
                + "delimiters such as {{ }} or {% %}. Found: \"{{ flag }}\" == \"True\"\n" + flag, r.stderr());
        assertFalse(r.stdout().contains("[WARNING]"), r.stdout());
        assertEquals(2, count(r.stdout(), "\"msg\": \"one\""), r.stdout());
    }
}
