package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModuleTest {
    @TempDir
    Path dir;

    private final FileModule file = new FileModule();
    private final TestHost host = new TestHost(Path.of("/nonexistent"));

    @Test
    void directoryIsCreatedWithItsModeThenLeftAlone() {
        Path d = dir.resolve("a/b");
        Map<String, Object> args = args("path", d.toString(), "state", "directory", "mode", "0750");
        Plan first = host.plan(file, args);
        assertEquals("state: absent\n", first.changes().get(0).diff().before());
        assertFalse(Files.exists(d));
        host.apply(first);
        assertEquals("0750", host.host().stat(d.toString()).mode());
        assertFalse(host.plan(file, args).changesSomething());
    }

    @Test
    void absentRemovesATreeOnceOnly() {
        write(dir.resolve("t/x/y"), "y");
        Map<String, Object> args = args("path", dir.resolve("t").toString(), "state", "absent");
        host.run(file, args);
        assertFalse(Files.exists(dir.resolve("t")));
        assertFalse(host.plan(file, args).changesSomething());
    }

    @Test
    void linkPointsAtSrcAndIsIdempotent() throws Exception {
        write(dir.resolve("target"), "t");
        Path link = dir.resolve("link");
        Map<String, Object> args = args("path", link.toString(), "src", "target", "state", "link");
        host.run(file, args);
        assertEquals(Path.of("target"), Files.readSymbolicLink(link));
        assertFalse(host.plan(file, args).changesSomething());
    }

    @Test
    void linkIsRepointedWhenSrcChanges() throws Exception {
        write(dir.resolve("one"), "1");
        write(dir.resolve("two"), "2");
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("one"));
        host.run(file, args("path", link.toString(), "src", "two", "state", "link"));
        assertEquals(Path.of("two"), Files.readSymbolicLink(link));
    }

    @Test
    void linkOverARegularFileNeedsForce() {
        write(dir.resolve("plain"), "p");
        write(dir.resolve("target"), "t");
        Map<String, Object> args = args("path", dir.resolve("plain").toString(), "src", "target", "state", "link");
        assertThrows(ModuleFailure.class, () -> host.plan(file, args));
        args.put("force", true);
        host.run(file, args);
        assertTrue(Files.isSymbolicLink(dir.resolve("plain")));
    }

    @Test
    void linkToAMissingSrcIsRefusedWithoutForce() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(file,
                args("path", dir.resolve("l").toString(), "src", "missing", "state", "link")));
        assertTrue(e.getMessage().startsWith("src file does not exist"), e.getMessage());
    }

    @Test
    void touchIsAlwaysAChange() {
        Map<String, Object> args = args("path", dir.resolve("stamp").toString(), "state", "touch");
        host.run(file, args);
        assertTrue(Files.exists(dir.resolve("stamp")));
        assertTrue(host.plan(file, args).changesSomething());
    }

    @Test
    void touchPreservingBothTimesChangesNothingOnAnExistingFile() {
        write(dir.resolve("kept"), "");
        Map<String, Object> args = args("path", dir.resolve("kept").toString(), "state", "touch",
                "modification_time", "preserve", "access_time", "preserve");
        assertFalse(host.plan(file, args).changesSomething());
    }

    @Test
    void modificationTimeIsSetInTheHostsLocalTimeThenLeftAlone() throws Exception {
        Path f = dir.resolve("m");
        write(f, "");
        Map<String, Object> args = args("path", f.toString(), "modification_time", "202202081414.00",
                "modification_time_format", "%Y%m%d%H%M.%S");
        Plan first = host.plan(file, args);
        assertTrue(first.changesSomething());
        Map<?, ?> after = (Map<?, ?>) ((Map<?, ?>) first.result().get("diff")).get("after");
        assertEquals(java.util.Set.of("path", "mtime"), after.keySet());
        host.apply(first);
        long expected = java.time.LocalDateTime.of(2022, 2, 8, 14, 14, 0)
                .atZone(java.time.ZoneId.systemDefault()).toEpochSecond();
        assertEquals(expected, Files.getLastModifiedTime(f).toMillis() / 1000);
        Plan second = host.plan(file, args);
        assertFalse(second.changesSomething());
        assertEquals(1, ((Map<?, ?>) ((Map<?, ?>) second.result().get("diff")).get("after")).size());
    }

    @Test
    void accessTimeNowIsAlwaysAChangeAndLeavesTheModificationTime() throws Exception {
        Path f = dir.resolve("a");
        write(f, "");
        host.host().run("touch -m -d @1000000000 " + f);
        Map<String, Object> args = args("path", f.toString(), "access_time", "now");
        host.run(file, args);
        assertEquals(1000000000L, Files.getLastModifiedTime(f).toMillis() / 1000);
        assertTrue(host.plan(file, args).changesSomething());
    }

    @Test
    void aTimeThatDoesNotMatchItsFormatFailsWithPythonsMessage() {
        Path f = dir.resolve("bad");
        write(f, "");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(file,
                args("path", f.toString(), "modification_time", "yesterday")));
        assertEquals("Error while obtaining timestamp for time yesterday using format %Y%m%d%H%M.%S: "
                + "time data 'yesterday' does not match format '%Y%m%d%H%M.%S'", e.getMessage());
    }

    @Test
    void recurseSetsTheTimesOfEverythingBelow() throws Exception {
        Path inner = dir.resolve("tree/sub/f");
        write(inner, "");
        Map<String, Object> args = args("path", dir.resolve("tree").toString(), "state", "directory", "recurse", true,
                "modification_time", "200001020304.05");
        host.run(file, args);
        long expected = java.time.LocalDateTime.of(2000, 1, 2, 3, 4, 5)
                .atZone(java.time.ZoneId.systemDefault()).toEpochSecond();
        assertEquals(expected, Files.getLastModifiedTime(inner).toMillis() / 1000);
        assertEquals(expected, Files.getLastModifiedTime(dir.resolve("tree/sub")).toMillis() / 1000);
        assertFalse(host.plan(file, args).changesSomething());
    }

    @Test
    void diffPeekTellsBinaryFromTextAndChangesNothing() throws Exception {
        Path text = dir.resolve("text");
        write(text, "plain\n");
        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {1, 0, 2});
        Plan t = host.plan(file, args("path", text.toString(), "_diff_peek", true));
        assertFalse(t.changesSomething());
        assertEquals(false, t.result().get("appears_binary"));
        assertEquals(true, host.plan(file, args("path", binary.toString(), "_diff_peek", true)).result().get("appears_binary"));
    }

    @Test
    void originalBasenameNamesTheFileInsideADirectoryPath() {
        write(dir.resolve("d/inner"), "");
        Plan p = host.plan(file, args("path", dir.resolve("d").toString(), "_original_basename", "inner", "mode", "0600"));
        assertEquals(dir.resolve("d/inner").toString(), p.result().get("path"));
    }

    @Test
    void stateFileOnAMissingPathFails() {
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> host.plan(file, args("path", dir.resolve("none").toString())));
        assertEquals("file (" + dir.resolve("none") + ") is absent, cannot continue", e.getMessage());
    }

    @Test
    void chattrFlagsAreAddedOnceAndARemovalIsAlwaysAChange() throws Exception {
        // the test's directory is on ext4 here (chattr +A works); lsattr shows the flags
        Path f = dir.resolve("attrs");
        write(f, "");
        Map<String, Object> add = args("path", f.toString(), "attributes", "+A");
        Plan first = host.plan(file, add);
        assertTrue(first.changesSomething());
        assertEquals("+A", ((Map<?, ?>) ((Map<?, ?>) first.result().get("diff")).get("after")).get("attributes"));
        host.apply(first);
        assertTrue(lsattr(f).contains("A"), lsattr(f));
        // Ansible compares the whole set of flags: the current ones (ext4 adds "e") are no change
        String flags = lsattr(f).replace("-", "");
        assertFalse(host.plan(file, args("path", f.toString(), "attributes", flags)).changesSomething());
        host.run(file, args("path", f.toString(), "attr", "-A"));
        assertFalse(lsattr(f).contains("A"), lsattr(f));
        // Ansible does not look before removing: "-A" changes even when A is not set
        assertTrue(host.plan(file, args("path", f.toString(), "attributes", "-A")).changesSomething());
    }

    private static String lsattr(Path f) throws Exception {
        Process p = new ProcessBuilder("lsattr", "-d", f.toString()).start();
        return new String(p.getInputStream().readAllBytes()).split("\\s+")[0];
    }

    @Test
    void ownerAndGroupChangesAreAppliedOnce() {
        write(dir.resolve("f"), "");
        Map<String, Object> args = args("path", dir.resolve("f").toString(), "owner", "nobody", "group", "nogroup");
        host.run(file, args);
        assertEquals("nobody", host.host().stat(dir.resolve("f").toString()).owner());
        assertFalse(host.plan(file, args).changesSomething());
    }

    @Test
    void recurseAppliesSymbolicModesPerEntryAndThenIsIdempotent() {
        write(dir.resolve("r/sub/file"), "");
        host.host().run("chmod 0700 " + dir.resolve("r") + " " + dir.resolve("r/sub") + " && chmod 0600 "
                + dir.resolve("r/sub/file"));
        Map<String, Object> args = args("path", dir.resolve("r").toString(), "state", "directory",
                "recurse", true, "mode", "u=rwX,g=rX,o=rX");
        host.run(file, args);
        assertEquals("0755", host.host().stat(dir.resolve("r/sub").toString()).mode());
        assertEquals("0644", host.host().stat(dir.resolve("r/sub/file").toString()).mode());
        assertFalse(host.plan(file, args).changesSomething());
    }

    @Test
    void followSetsTheModeOfTheLinkTargetAndKeepsTheLink() throws Exception {
        write(dir.resolve("target"), "x");
        Files.setPosixFilePermissions(dir.resolve("target"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(dir.resolve("link"), Path.of("target"));
        host.run(new FileModule(), args("path", dir.resolve("link").toString(), "state", "file", "mode", "0600"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("target"))));
        assertTrue(Files.isSymbolicLink(dir.resolve("link")));
        assertFalse(host.plan(new FileModule(), args("path", dir.resolve("link").toString(), "state", "file",
                "mode", "0600")).changesSomething());
    }

    @Test
    void aLinkWithoutSrcKeepsItsTargetWhenFollowed() throws Exception {
        Files.createSymbolicLink(dir.resolve("link"), Path.of("nowhere"));
        Plan plan = host.plan(new FileModule(), args("path", dir.resolve("link").toString()));
        assertFalse(plan.changesSomething());
        assertEquals("nowhere", plan.result().get("src"));
    }

    @Test
    void hardLinkIsMadeOnceAndInsideADirectoryPath() throws Exception {
        write(dir.resolve("orig"), "o");
        Files.createDirectory(dir.resolve("sub"));
        Map<String, Object> args = args("src", dir.resolve("orig").toString(), "path", dir.resolve("hard").toString(),
                "state", "hard");
        Plan first = host.plan(file, args);
        assertEquals("state: absent\n", first.changes().get(0).diff().before());
        host.apply(first);
        assertEquals(Files.getAttribute(dir.resolve("orig"), "unix:ino"), Files.getAttribute(dir.resolve("hard"), "unix:ino"));
        assertFalse(host.plan(file, args).changesSomething());
        // a directory as path: the link is basename(src) inside it, as Ansible's file module does
        host.run(file, args("src", dir.resolve("orig").toString(), "path", dir.resolve("sub").toString(), "state", "hard"));
        assertTrue(Files.isRegularFile(dir.resolve("sub/orig")));
    }

    @Test
    void hardLinkOverAFileNeedsForceAndSrcMustExist() {
        write(dir.resolve("orig"), "o");
        write(dir.resolve("other"), "x");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(file, args("src", dir.resolve("orig").toString(),
                "path", dir.resolve("other").toString(), "state", "hard")));
        assertEquals("Cannot link, file exists at destination", e.getMessage());
        host.run(file, args("src", dir.resolve("orig").toString(), "path", dir.resolve("other").toString(),
                "state", "hard", "force", true));
        assertEquals("o", TestHost.read(dir.resolve("other")));
        ModuleFailure missing = assertThrows(ModuleFailure.class, () -> host.plan(file, args("src", "no-such-file",
                "path", dir.resolve("h2").toString(), "state", "hard")));
        assertEquals("src does not exist", missing.getMessage());
        assertEquals("no-such-file", missing.result().get("src"));
        ModuleFailure noSrc = assertThrows(ModuleFailure.class, () -> host.plan(file, args(
                "path", dir.resolve("h2").toString(), "state", "hard")));
        assertEquals("src is required for creating new hardlinks", noSrc.getMessage());
    }
}
