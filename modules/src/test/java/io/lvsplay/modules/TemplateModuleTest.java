package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.read;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateModuleTest {
    @TempDir
    Path dir;

    private final TemplateModule template = new TemplateModule();

    private TestHost host() {
        write(dir.resolve("controller/templates/vip.conf.j2"), "vip={{ vip }}\n");
        return new TestHost(dir.resolve("controller")).var("vip", "10.0.0.100");
    }

    @Test
    void rendersOnceThenIsIdempotent() {
        Path dest = dir.resolve("vip.conf");
        Map<String, Object> args = args("src", "vip.conf.j2", "dest", dest.toString());
        host().apply(host().plan(template, args));
        assertEquals("vip=10.0.0.100\n", read(dest));
        assertFalse(host().plan(template, args).changesSomething());
    }

    @Test
    void validationRunsOnTheCandidateBeforeInstall() {
        Path dest = dir.resolve("vip.conf");
        host().run(template, args("src", "vip.conf.j2", "dest", dest.toString(), "validate", "grep -q vip= %s"));
        assertEquals("vip=10.0.0.100\n", read(dest));
    }

    @Test
    void failedValidationLeavesTheOldFileAndReportsTheOutput() {
        Path dest = dir.resolve("vip.conf");
        write(dest, "old\n");
        Plan plan = host().plan(template, args("src", "vip.conf.j2", "dest", dest.toString(),
                "validate", "sh -c 'echo bad config >&2; exit 1' -- %s"));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host().apply(plan));
        assertEquals("failed to validate", e.getMessage());
        assertEquals("bad config\n", e.result().get("stderr"));
        assertEquals("old\n", read(dest));
    }

    @Test
    void validateWithoutPercentSIsRefused() {
        assertThrows(ModuleFailure.class, () -> host().plan(template, args("src", "vip.conf.j2",
                "dest", dir.resolve("x").toString(), "validate", "true")));
    }

    @Test
    void followWritesThroughALinkAndKeepsIt() throws Exception {
        Path target = dir.resolve("vip.conf");
        write(target, "old\n");
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("vip.link"), target);
        Map<String, Object> args = args("src", "vip.conf.j2", "dest", link.toString(), "follow", true);
        Plan plan = host().plan(template, args);
        assertEquals(target.toString(), plan.result().get("dest"));
        host().apply(plan);
        assertTrue(java.nio.file.Files.isSymbolicLink(link));
        assertEquals("vip=10.0.0.100\n", read(target));
        assertFalse(host().plan(template, args).changesSomething());
    }

    @Test
    void withoutFollowALinkIsReplacedByAFileEvenWithTheSameContent() throws Exception {
        Path target = dir.resolve("vip.conf");
        write(target, "vip=10.0.0.100\n");
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("vip.link"), target);
        Map<String, Object> args = args("src", "vip.conf.j2", "dest", link.toString());
        host().apply(host().plan(template, args));
        assertFalse(java.nio.file.Files.isSymbolicLink(link));
        assertEquals("vip=10.0.0.100\n", read(link));
        assertFalse(host().plan(template, args).changesSomething());
    }
}
