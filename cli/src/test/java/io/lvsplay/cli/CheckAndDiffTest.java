package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** --check changes nothing but reports what would change; --diff shows it as a unified diff. */
class CheckAndDiffTest extends SemanticsTestBase {

    @Test
    void checkReportsTheCopyAsChangedWithoutWritingTheFile() {
        LvsplayRun.Result r = run("check.yml", "--check");
        assertEquals(0, r.exitCode(), r.output());
        int at = r.stdout().indexOf("TASK [write config]");
        assertTrue(r.stdout().startsWith("changed: [h1]", r.stdout().indexOf('\n', at) + 1), r.stdout());
        assertFalse(Files.exists(file("app.conf")));
    }

    @Test
    void checkSkipsCommands() {
        LvsplayRun.Result r = run("check.yml", "--check");
        int at = r.stdout().indexOf("TASK [run something]");
        assertTrue(r.stdout().startsWith("skipping: [h1]", r.stdout().indexOf('\n', at) + 1), r.stdout());
        assertFalse(Files.exists(file("touched")));
        assertEquals(1, r.recapValue("h1", "skipped"), r.stdout());
    }

    @Test
    void withoutCheckTheSamePlaybookChangesTheHost() {
        LvsplayRun.Result r = run("check.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("line one\nline two\n", read("app.conf"));
        assertTrue(Files.exists(file("touched")));
    }

    @Test
    void diffShowsBeforeAfterHeadersAndHunk() throws IOException {
        Files.writeString(file("app.conf"), "alpha\nbeta\ngamma\n");
        LvsplayRun.Result r = run("diff.yml", "--diff");
        assertEquals(0, r.exitCode(), r.output());
        String path = file("app.conf").toString();
        assertTrue(r.stdout().contains("--- before: " + path + "\n+++ after: " + path + "\n"
                + "@@ -1,3 +1,3 @@\n alpha\n-beta\n+BETA\n gamma\n\nchanged: [h1]"), r.stdout());
    }

    @Test
    void checkWithDiffShowsTheDiffButLeavesTheFile() throws IOException {
        Files.writeString(file("app.conf"), "alpha\nbeta\ngamma\n");
        LvsplayRun.Result r = run("diff.yml", "--check", "--diff");
        assertTrue(r.stdout().contains("+BETA"), r.stdout());
        assertEquals("alpha\nbeta\ngamma\n", read("app.conf"));
    }

    @Test
    void noDiffWithoutTheOption() throws IOException {
        Files.writeString(file("app.conf"), "alpha\nbeta\ngamma\n");
        LvsplayRun.Result r = run("diff.yml");
        assertFalse(r.stdout().contains("--- before"), r.stdout());
    }

    @Test
    void secondRunIsIdempotent() {
        run("diff.yml");
        LvsplayRun.Result again = run("diff.yml", "--diff");
        assertEquals(0, again.changed("h1"), again.stdout());
        assertFalse(again.stdout().contains("--- before"), again.stdout());
    }

    @Test
    void checkVerboseListsTheCommandsARunWouldExecuteAndRunsNone() {
        LvsplayRun.Result r = run("commands.yml", "--check", "-v");
        assertEquals(0, r.exitCode(), r.output());
        String path = file("app.conf").toString();
        assertTrue(r.stdout().contains("would run on [h1]:\n  write " + path + " (18 bytes, mode 0640)\n  "), r.stdout());
        assertTrue(r.stdout().contains("would run on [h1]:\n  echo ******** > " + file("touched")), r.stdout());
        assertFalse(r.stdout().contains("hunter2-secret"), r.stdout());
        assertFalse(r.stdout().contains("echo hidden-"), "no_log hides the commands too: " + r.stdout());
        assertFalse(Files.exists(file("app.conf")));
        assertFalse(Files.exists(file("touched")));
    }

    @Test
    void aRunShowsItsCommandsFromTwoVs() {
        assertFalse(run("commands.yml", "--check").stdout().contains("would run on"));
        assertFalse(run("commands.yml", "-v").stdout().contains("running on"));
        LvsplayRun.Result r = run("commands.yml", "-vv");
        assertTrue(r.stdout().contains("running on [h1]:\n  echo ******** > " + file("touched")), r.stdout());
        assertTrue(Files.exists(file("touched")));
    }
}
