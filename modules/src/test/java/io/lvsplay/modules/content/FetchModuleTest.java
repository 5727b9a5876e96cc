package io.lvsplay.modules.content;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetch: Ansible's DEST/HOST/SRC and flat layouts, copy only when the checksum differs, missing files. */
class FetchModuleTest {
    @TempDir
    Path dir;

    private final FetchModule fetch = new FetchModule();
    private final RecordedHost host = new RecordedHost().file("/etc/app.conf", "a=1\n")
            .answer("sha1sum", "1a2a8f6ef0fa1ce6a0ba2ba0e7e1ba8cfe1bcd4b  /etc/app.conf\n");

    @Test
    void theFileLandsUnderTheHostsNameThenIsLeftAlone() throws Exception {
        Map<String, Object> args = args("src", "/etc/app.conf", "dest", dir + "/out", "validate_checksum", false);
        Plan first = host.plan(fetch, args);
        assertTrue(first.changesSomething());
        Map<String, Object> result = first.changes().get(0).action().apply(host);
        Path copy = dir.resolve("out/recorded/etc/app.conf");
        assertEquals("a=1\n", Files.readString(copy));
        assertEquals(copy.toString(), result.get("dest"));
        assertEquals(result.get("checksum"), result.get("remote_checksum"));
        Plan second = host.plan(fetch, args);
        assertFalse(second.changesSomething());
        assertEquals("/etc/app.conf", second.result().get("file"));
    }

    @Test
    void flatWithATrailingSlashTakesTheFileName() {
        host.plan(fetch, args("src", "/etc/app.conf", "dest", dir + "/", "flat", true, "validate_checksum", false))
                .changes().get(0).action().apply(host);
        assertTrue(Files.isRegularFile(dir.resolve("app.conf")));
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> host.plan(fetch, args("src", "/etc/app.conf", "dest", dir.toString(), "flat", true)));
        assertTrue(e.getMessage().startsWith("dest is an existing directory"));
    }

    @Test
    void aMissingFileFailsUnlessFailOnMissingIsOff() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(fetch, args("src", "/nope", "dest", dir.toString())));
        assertEquals("the remote file does not exist, not transferring, ignored", e.getMessage());
        Plan ignored = host.plan(fetch, args("src", "/nope", "dest", dir.toString(), "fail_on_missing", false));
        assertFalse(ignored.changesSomething());
        assertEquals("/nope", ignored.result().get("file"));
    }

    @Test
    void aChecksumTheHostDisagreesWithFails() {
        Plan plan = host.plan(fetch, args("src", "/etc/app.conf", "dest", dir.toString() + "/v"));
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> plan.changes().get(0).action().apply(host));
        assertEquals("checksum mismatch", e.getMessage());
    }
}
