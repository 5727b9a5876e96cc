package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.read;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** copy with a directory src, planned and applied on this machine as a local host. */
class CopyDirectoryTest {
    @TempDir
    Path dir;

    private final CopyModule copy = new CopyModule();

    private TestHost host() {
        return new TestHost(dir.resolve("controller"));
    }

    @BeforeEach
    void sourceTree() {
        write(dir.resolve("controller/files/site/index.html"), "index\n");
        write(dir.resolve("controller/files/site/conf/app.conf"), "conf\n");
    }

    private String mode(Path path) {
        return host().host().stat(path.toString()).mode();
    }

    @Test
    void withoutTrailingSlashTheDirectoryItselfIsCopied() {
        Path out = dir.resolve("out");
        Map<String, Object> result = host().run(copy, args("src", "site", "dest", out.toString()));
        assertEquals("index\n", read(out.resolve("site/index.html")));
        assertEquals("conf\n", read(out.resolve("site/conf/app.conf")));
        assertEquals(out + "/", result.get("dest"), "Ansible's dest of a recursive copy ends with /");
    }

    @Test
    void withTrailingSlashOnlyItsContentsAreCopied() {
        Path out = dir.resolve("out");
        Map<String, Object> result = host().run(copy, args("src", "site/", "dest", out.toString()));
        assertEquals("index\n", read(out.resolve("index.html")));
        assertEquals("conf\n", read(out.resolve("conf/app.conf")));
        assertFalse(Files.exists(out.resolve("site")));
        assertEquals(dir.resolve("controller/files/site") + "/", result.get("src"));
    }

    @Test
    void aSecondPlanIsEmpty() {
        Map<String, Object> args = args("src", "site/", "dest", dir.resolve("out").toString(), "mode", "0640",
                "directory_mode", "0750");
        assertTrue(host().plan(copy, args).changesSomething());
        host().run(copy, args);
        Plan again = host().plan(copy, args);
        assertFalse(again.changesSomething(), () -> again.changes().toString());
    }

    @Test
    void directoryModeGoesToNewDirectoriesAndModeToFiles() {
        Path out = dir.resolve("out");
        host().run(copy, args("src", "site/", "dest", out.toString(), "mode", "0600", "directory_mode", "0700"));
        assertEquals("0700", mode(out), "the destination made for the files");
        assertEquals("0700", mode(out.resolve("conf")));
        assertEquals("0600", mode(out.resolve("index.html")));
    }

    @Test
    void directoryModeIsAppliedToExistingSubdirectoriesNotToTheDestination() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out/conf"));
        host().run(copy, args("src", "site/", "dest", out.getParent().toString()));
        Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(out.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Plan plan = host().plan(copy, args("src", "site/", "dest", out.getParent().toString(), "directory_mode", "0700"));
        assertEquals(1, plan.changes().size(), () -> plan.changes().toString());
        host().apply(plan);
        assertEquals("0700", mode(out));
        assertEquals("0755", mode(out.getParent()), "file module runs only for the directories below the top");
    }

    @Test
    void onlyTheChangedFileIsRewrittenAndItsDiffShown() {
        Path out = dir.resolve("out");
        host().run(copy, args("src", "site/", "dest", out.toString()));
        write(out.resolve("conf/app.conf"), "edited\n");
        Plan plan = host().plan(copy, args("src", "site/", "dest", out.toString()));
        assertEquals(1, plan.changes().size());
        Change change = plan.changes().get(0);
        assertEquals("edited\n", change.diff().before());
        assertEquals("conf\n", change.diff().after());
        host().apply(plan);
        assertEquals("conf\n", read(out.resolve("conf/app.conf")));
    }

    @Test
    void forceNoLeavesExistingFiles() {
        Path out = dir.resolve("out");
        write(out.resolve("index.html"), "mine\n");
        host().run(copy, args("src", "site/", "dest", out.toString(), "force", false));
        assertEquals("mine\n", read(out.resolve("index.html")));
        assertEquals("conf\n", read(out.resolve("conf/app.conf")));
    }

    @Test
    void checkModePlansWithoutWriting() {
        Path out = dir.resolve("out");
        Plan plan = host().checkMode(true).plan(copy, args("src", "site", "dest", out.toString()));
        assertTrue(plan.changesSomething());
        assertFalse(Files.exists(out));
    }

    @Test
    void aDirectoryWithOneFileReturnsThatFilesResult() {
        write(dir.resolve("controller/files/one/only.txt"), "abc");
        Path out = dir.resolve("out");
        Map<String, Object> result = host().run(copy, args("src", "one", "dest", out.toString()));
        assertEquals(out + "/one/only.txt", result.get("dest"));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", result.get("checksum"));
        assertEquals("file", result.get("state"));
    }

    @Test
    void brokenLinksAreCopiedAsLinksAndFileLinksAsTheirContent() throws Exception {
        Files.createSymbolicLink(dir.resolve("controller/files/site/gone"), Path.of("/nonexistent/x"));
        Files.createSymbolicLink(dir.resolve("controller/files/site/same.html"), Path.of("index.html"));
        Path out = dir.resolve("out");
        Map<String, Object> args = args("src", "site/", "dest", out.toString());
        host().run(copy, args);
        assertEquals("/nonexistent/x", Files.readSymbolicLink(out.resolve("gone")).toString());
        assertFalse(Files.isSymbolicLink(out.resolve("same.html")));
        assertEquals("index\n", read(out.resolve("same.html")));
        assertFalse(host().plan(copy, args).changesSomething());
    }

    @Test
    void emptySubdirectoriesAreMade() throws Exception {
        Files.createDirectories(dir.resolve("controller/files/site/empty"));
        Path out = dir.resolve("out");
        host().run(copy, args("src", "site", "dest", out.toString()));
        assertTrue(Files.isDirectory(out.resolve("site/empty")));
    }
}
