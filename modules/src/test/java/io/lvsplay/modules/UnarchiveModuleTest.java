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
import io.lvsplay.modules.content.UnarchiveModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** unarchive against this machine's GNU tar: tar --diff decides, a second plan is empty, attributes on every member. */
class UnarchiveModuleTest {
    @TempDir
    Path dir;
    private Path dest;
    private final UnarchiveModule unarchive = new UnarchiveModule();

    @BeforeEach
    void archive() throws Exception {
        write(dir.resolve("tree/app/conf/rs.conf"), "weight 1\n");
        write(dir.resolve("tree/app/README"), "read me\n");
        Files.createDirectories(dir.resolve("files"));
        Process p = new ProcessBuilder("tar", "-czf", dir.resolve("files/app.tgz").toString(), "-C", dir.resolve("tree").toString(), "app")
                .inheritIO().start();
        assertEquals(0, p.waitFor());
        dest = Files.createDirectories(dir.resolve("dest"));
    }

    @Test
    void aControllerArchiveIsUnpackedOnceAndListed() {
        TestHost host = new TestHost(dir);
        Map<String, Object> args = args("src", "app.tgz", "dest", dest.toString(), "list_files", true);
        Plan first = host.plan(unarchive, args);
        assertTrue(first.changesSomething());
        assertFalse(Files.exists(dest.resolve("app")), "planning unpacks nothing");
        Map<String, Object> result = host.apply(first);
        assertEquals("weight 1\n", read(dest.resolve("app/conf/rs.conf")));
        assertEquals("TgzArchive", result.get("handler"));
        assertTrue(((List<?>) result.get("files")).containsAll(List.of("app/", "app/conf/rs.conf", "app/README")), result.toString());
        assertEquals(0, ((Map<?, ?>) result.get("extract_results")).get("rc"));
        assertFalse(host.plan(unarchive, args).changesSomething(), "tar --diff finds nothing to do");
    }

    @Test
    void aChangedFileOnTheHostIsUnpackedAgain() throws Exception {
        TestHost host = new TestHost(dir);
        Map<String, Object> args = args("src", "app.tgz", "dest", dest.toString());
        host.run(unarchive, args);
        Files.writeString(dest.resolve("app/README"), "edited\n");
        // tar --diff (and so Ansible) sees a change by its mod time, to the second
        Files.setLastModifiedTime(dest.resolve("app/README"), java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        assertTrue(host.plan(unarchive, args).changesSomething());
        host.run(unarchive, args);
        assertEquals("read me\n", read(dest.resolve("app/README")));
    }

    @Test
    void remoteSrcExcludeAndModeOnEveryMember() throws Exception {
        TestHost host = new TestHost(dir);
        Map<String, Object> args = args("src", dir + "/files/app.tgz", "remote_src", true, "dest", dest.toString(),
                "exclude", List.of("app/README"), "mode", "u=rwX,go=rX");
        host.run(unarchive, args);
        assertFalse(Files.exists(dest.resolve("app/README")));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dest.resolve("app/conf/rs.conf"))));
        assertFalse(host.plan(unarchive, args).changesSomething());
        Files.setPosixFilePermissions(dest.resolve("app/conf/rs.conf"), PosixFilePermissions.fromString("rw-------"));
        Plan attrs = host.plan(unarchive, args);
        assertEquals(1, attrs.changes().size(), "only the attributes change");
        assertTrue(attrs.changes().get(0).description().startsWith("set attributes"));
    }

    @Test
    void createsSkipsAndAMissingDestFails() {
        TestHost host = new TestHost(dir);
        Plan skipped = host.plan(unarchive, args("src", "app.tgz", "dest", dest.toString(), "creates", dir.toString()));
        assertEquals(true, skipped.result().get("skipped"));
        assertEquals("skipped, since " + dir + " exists", skipped.result().get("msg"));
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> host.plan(unarchive, args("src", "app.tgz", "dest", dir + "/none")));
        assertEquals("Destination '" + dir + "/none' is not a directory", e.getMessage());
    }
}
