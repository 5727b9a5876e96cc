package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.system.ScriptModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** script against the local shell: the controller file is copied to a temp dir, run with its arguments, removed. */
class ScriptModuleTest {
    @TempDir
    Path dir;

    private final ScriptModule script = new ScriptModule();

    private TestHost host() {
        write(dir.resolve("files/hello.sh"), "#!/bin/sh\necho \"hello $1 $2\"\npwd\necho oops >&2\n");
        return new TestHost(dir);
    }

    @Test
    void runsTheCopiedScriptWithItsQuotedArgumentsInChdir() {
        TestHost host = host();
        Map<String, Object> result = host.run(script, args("_raw_params", "hello.sh 'big world' two",
                "chdir", dir.toString()));
        assertEquals(0, result.get("rc"));
        assertEquals(List.of("hello big world two", dir.toString()), result.get("stdout_lines"));
        assertEquals("hello big world two\n" + dir + "\n", result.get("stdout"));
        assertEquals(List.of("oops"), result.get("stderr_lines"));
    }

    @Test
    void theExecutableRunsTheScriptAndTheTempCopyIsRemoved() {
        write(dir.resolve("files/where.sh"), "echo $0\n");
        Map<String, Object> result = new TestHost(dir).run(script, args("_raw_params", "where.sh", "executable", "/bin/sh"));
        String copy = result.get("stdout").toString().strip();
        assertTrue(copy.endsWith("/where.sh"), copy);
        assertFalse(Files.exists(Path.of(copy)));
    }

    @Test
    void thePlanShowsTheCopyAndTheRunAsCommands() {
        Plan plan = host().plan(script, args("_raw_params", "hello.sh a b", "chdir", "/srv"));
        List<String> shown = plan.changes().get(0).shown();
        assertEquals(2, shown.size());
        assertTrue(shown.get(0).matches("umask 077 && mkdir -- '?/tmp/lvsplay-script\\.[0-9a-f-]+'? && .* \\(\\d+ bytes on stdin\\)"), shown.get(0));
        assertTrue(shown.get(1).matches("\\( cd '?/srv'? && /tmp/lvsplay-script\\.[0-9a-f-]+/hello\\.sh a b \\); .*"), shown.get(1));
    }

    @Test
    void createsAndRemovesSkipLikeAnsible() {
        TestHost host = host();
        Plan skipped = host.plan(script, args("_raw_params", "hello.sh", "creates", dir.toString()));
        assertFalse(skipped.changesSomething());
        assertEquals(true, skipped.result().get("skipped"));
        assertEquals(dir + " exists, matching creates option", skipped.result().get("msg"));
        Plan removes = host.plan(script, args("_raw_params", "hello.sh", "removes", dir + "/none"));
        assertEquals(dir + "/none does not exist, matching removes option", removes.result().get("msg"));
    }

    @Test
    void checkModeIsChangedWithCreatesElseSkipped() {
        TestHost host = host().checkMode(true);
        Plan withCreates = host.plan(script, args("_raw_params", "hello.sh", "creates", dir + "/none"));
        assertTrue(withCreates.changesSomething());
        assertFalse(withCreates.skipInCheckMode());
        Plan plain = host.plan(script, args("_raw_params", "hello.sh"));
        assertTrue(plain.skipInCheckMode());
        assertEquals("Check mode is not supported for this task.", plain.result().get("msg"));
    }

    @Test
    void aNonZeroExitFailsWithTheOutputKept() {
        write(dir.resolve("files/bad.sh"), "echo half\nexit 3\n");
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> new TestHost(dir).run(script, args("_raw_params", "bad.sh", "executable", "sh")));
        assertEquals("non-zero return code", e.getMessage());
        assertEquals(3, e.result().get("rc"));
        assertEquals("half\n", e.result().get("stdout"));
    }

    @Test
    void aRelativeChdirAndAMissingScriptAreRefused() {
        TestHost host = host();
        assertThrows(ModuleFailure.class, () -> host.plan(script, args("_raw_params", "hello.sh", "chdir", "tmp")));
        assertThrows(ModuleFailure.class, () -> host.plan(script, args("_raw_params", "missing.sh")));
    }
}
