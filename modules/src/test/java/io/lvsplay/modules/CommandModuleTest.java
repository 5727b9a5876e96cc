package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandModuleTest {
    @TempDir
    Path dir;

    private TestHost host() {
        return new TestHost(dir);
    }

    @Test
    void commandPassesShellCharactersLiterallyToTheProgram() {
        Map<String, Object> r = host().run(new CommandModule(), args("_raw_params", "echo '*' \"a  b\" | x $(id) `id`"));
        assertEquals("* a  b | x $(id) `id`", r.get("stdout"));
        assertEquals(List.of("echo", "*", "a  b", "|", "x", "$(id)", "`id`"), r.get("cmd"));
        assertEquals(0, r.get("rc"));
    }

    @Test
    void commandExpandsEnvironmentVariablesEvenQuotedAsAnsibleDoes() {
        // run_command's os.path.expandvars: set variables (also in ${}), unset ones and
        // unexported shell variables such as PPID stay as written
        Map<String, Object> r = host().run(new CommandModule(),
                args("_raw_params", "printf '%s|' '$HOME' ${HOME}y $LVSPLAY_SURELY_UNSET ${LVSPLAY_SURELY_UNSET} $PPID a$"));
        String home = System.getenv("HOME");
        assertEquals(home + "|" + home + "y|$LVSPLAY_SURELY_UNSET|${LVSPLAY_SURELY_UNSET}|$PPID|a$|", r.get("stdout"));
        assertEquals(List.of("printf", "%s|", "$HOME", "${HOME}y", "$LVSPLAY_SURELY_UNSET", "${LVSPLAY_SURELY_UNSET}",
                "$PPID", "a$"), r.get("cmd"));
    }

    @Test
    void commandExpandsALeadingTildeAsExpanduserDoes() {
        Map<String, Object> r = host().run(new CommandModule(),
                args("_raw_params", "printf '%s|' ~ ~/x ~root/y ~lvsplaynosuchuser/z a~"));
        String home = System.getenv("HOME");
        assertEquals(home + "|" + home + "/x|/root/y|~lvsplaynosuchuser/z|a~|", r.get("stdout"));
    }

    @Test
    void commandTakesAnArgvList() {
        Map<String, Object> r = host().run(new CommandModule(), args("argv", List.of("printf", "%s-%s", "a b", "c")));
        assertEquals("a b-c", r.get("stdout"));
    }

    @Test
    void shellRunsPipesAndReturnsLines() {
        Map<String, Object> r = host().run(new ShellModule(), args("_raw_params", "printf 'b\\na\\n' | sort"));
        assertEquals("a\nb", r.get("stdout"));
        assertEquals(List.of("a", "b"), r.get("stdout_lines"));
    }

    @Test
    void nonZeroExitFailsTheTaskWithTheOutput() {
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> host().run(new ShellModule(), args("cmd", "echo oops >&2; exit 3")));
        assertEquals("non-zero return code", e.getMessage());
        assertEquals(3, e.result().get("rc"));
        assertEquals("oops", e.result().get("stderr"));
    }

    @Test
    void aCommandIsAlwaysAChangeAndSkippedInCheckMode() {
        Plan plan = host().plan(new CommandModule(), args("_raw_params", "true"));
        assertEquals(1, plan.changes().size());
        assertTrue(plan.skipInCheckMode());
    }

    @Test
    void createsSkipsTheCommandWhenThePathExists() throws Exception {
        Files.writeString(dir.resolve("done"), "");
        Plan plan = host().plan(new ShellModule(), args("cmd", "touch never", "chdir", dir.toString(),
                "creates", "done"));
        assertFalse(plan.changesSomething());
        assertEquals("skipped, since done exists", plan.result().get("msg"));
    }

    @Test
    void removesSkipsTheCommandWhenThePathIsAbsent() {
        Plan plan = host().plan(new CommandModule(), args("_raw_params", "rm x", "removes", dir.resolve("x").toString()));
        assertFalse(plan.changesSomething());
    }

    @Test
    void chdirAndStdinReachTheCommand() {
        Map<String, Object> r = host().run(new ShellModule(), args("cmd", "pwd; cat", "chdir", dir.toString(),
                "stdin", "fed"));
        assertEquals(dir + "\nfed", r.get("stdout"));
    }

    @Test
    void chdirThroughASymlinkLeavesThePhysicalDirectoryInPwdAsAnsiblesOsChdirDoes() throws Exception {
        java.nio.file.Path real = java.nio.file.Files.createDirectories(dir.resolve("real/site"));
        java.nio.file.Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
        Map<String, Object> r = host().run(new ShellModule(), args("cmd", "echo \"$PWD\"", "chdir",
                dir.resolve("link/site").toString()));
        assertEquals(real.toRealPath().toString(), r.get("stdout"));
    }

    @Test
    void executableRunsTheLineWithAnotherShell() {
        Map<String, Object> r = host().run(new ShellModule(), args("cmd", "echo ${BASH_VERSION:+bash}",
                "executable", "/bin/bash"));
        assertEquals("bash", r.get("stdout"));
    }

    @Test
    void missingOrDoubleCommandsFailAsAnsibleSaysIt() {
        ModuleFailure none = assertThrows(ModuleFailure.class, () -> host().plan(new CommandModule(), args("chdir", "/")));
        assertEquals("no command given", none.getMessage());
        assertEquals(256, none.result().get("rc"));
        ModuleFailure both = assertThrows(ModuleFailure.class, () -> host().plan(new CommandModule(),
                args("_raw_params", "echo a", "argv", List.of("echo", "a"))));
        assertEquals("only command or argv can be given, not both", both.getMessage());
    }

    @Test
    void executableOfCommandIsIgnoredWithAWarning() {
        Map<String, Object> r = host().run(new CommandModule(), args("_raw_params", "echo hi", "executable", "/bogus"));
        assertEquals("hi", r.get("stdout"));
        assertTrue(String.valueOf(r.get("warnings")).contains("no longer supported"));
    }

    @Test
    void aMissingChdirFailsBeforeRunning() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host().plan(new CommandModule(),
                args("_raw_params", "true", "chdir", dir.resolve("nope").toString())));
        assertTrue(e.getMessage().startsWith("Unable to change directory before execution"));
    }

    @Test
    void createsAndRemovesAreGlobPatternsRelativeToChdir() throws Exception {
        Files.writeString(dir.resolve("afile.txt"), "x");
        Plan created = host().plan(new CommandModule(), args("_raw_params", "true", "chdir", dir.toString(),
                "creates", "afile.*"));
        assertFalse(created.changesSomething());
        Plan removed = host().plan(new CommandModule(), args("_raw_params", "true", "removes", dir + "/none*"));
        assertFalse(removed.changesSomething());
        Plan runs = host().plan(new CommandModule(), args("_raw_params", "true", "removes", dir + "/a*.txt"));
        assertTrue(runs.changesSomething());
        assertFalse(runs.skipInCheckMode(), "with creates/removes check mode reports a change, not a skip");
    }
}
