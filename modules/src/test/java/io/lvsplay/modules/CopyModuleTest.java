package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.read;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyModuleTest {
    @TempDir
    Path dir;

    private final CopyModule copy = new CopyModule();

    private TestHost host() {
        return new TestHost(dir.resolve("controller"));
    }

    @Test
    void contentIsWrittenOnceAndTheSecondPlanIsEmpty() {
        Path dest = dir.resolve("motd");
        Map<String, Object> args = args("content", "hello\n", "dest", dest.toString(), "mode", "0640");
        Plan first = host().plan(copy, args);
        assertTrue(first.changesSomething());
        host().apply(first);
        assertEquals("hello\n", read(dest));
        assertEquals("0640", host().host().stat(dest.toString()).mode());
        assertFalse(host().plan(copy, args).changesSomething());
    }

    @Test
    void planningInCheckModeLeavesTheFileUntouched() {
        Path dest = dir.resolve("f");
        write(dest, "old\n");
        Plan plan = host().checkMode(true).plan(copy, args("content", "new\n", "dest", dest.toString()));
        assertTrue(plan.changesSomething());
        assertEquals("old\n", read(dest));
    }

    @Test
    void diffShowsOldAndNewText() {
        Path dest = dir.resolve("f");
        write(dest, "old\n");
        Diff diff = host().plan(copy, args("content", "new\n", "dest", dest.toString())).changes().get(0).diff();
        assertEquals(Diff.of(dest.toString(), "old\n", "new\n"), diff);
    }

    @Test
    void resultCarriesDestAndSha1Checksum() {
        Plan plan = host().plan(copy, args("content", "abc", "dest", dir.resolve("x").toString()));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", plan.result().get("checksum"));
        assertEquals(dir.resolve("x").toString(), plan.result().get("dest"));
    }

    @Test
    void srcComesFromTheControllersFilesFolderIntoADirectoryDest() throws Exception {
        write(dir.resolve("controller/files/app.conf"), "conf\n");
        Path target = Files.createDirectories(dir.resolve("etc"));
        host().run(copy, args("src", "app.conf", "dest", target.toString()));
        assertEquals("conf\n", read(target.resolve("app.conf")));
    }

    @Test
    void backupKeepsTheOldContentBesideTheFile() {
        Path dest = dir.resolve("f");
        write(dest, "old\n");
        Map<String, Object> r = host().run(copy, args("content", "new\n", "dest", dest.toString(), "backup", true));
        String backup = (String) r.get("backup_file");
        assertTrue(backup.matches(dest + "\\.\\d{4}-\\d\\d-\\d\\d@\\d\\d:\\d\\d:\\d\\d~"), backup);
        assertEquals("old\n", read(Path.of(backup)));
        assertEquals("new\n", read(dest));
    }

    @Test
    void onlyAModeDifferenceGivesAnAttributeChangeWithItsDiff() {
        Path dest = dir.resolve("f");
        write(dest, "same");
        host().host().run("chmod 0600 " + dest);
        Plan plan = host().plan(copy, args("content", "same", "dest", dest.toString(), "mode", "u=rw,g=r,o=r"));
        assertEquals(1, plan.changes().size());
        assertEquals("mode: 0600\n", plan.changes().get(0).diff().before());
        assertEquals("mode: 0644\n", plan.changes().get(0).diff().after());
        host().apply(plan);
        assertEquals("0644", host().host().stat(dest.toString()).mode());
    }

    @Test
    void forceNoLeavesAnExistingFileAlone() {
        Path dest = dir.resolve("f");
        write(dest, "mine");
        assertFalse(host().plan(copy, args("content", "theirs", "dest", dest.toString(), "force", false))
                .changesSomething());
    }

    @Test
    void contentIntoADirectoryIsRefused() {
        assertThrows(ModuleFailure.class, () -> host().plan(copy, args("content", "x", "dest", dir.toString())));
    }

    @Test
    void theResultDescribesTheFileAsAnsiblesCopyDoes() {
        Path dest = dir.resolve("r");
        Map<String, Object> args = args("content", "hello world", "dest", dest.toString(), "mode", "0640");
        Map<String, Object> written = host().run(copy, args);
        assertEquals("file", written.get("state"));
        assertEquals("0640", written.get("mode"));
        assertEquals("5eb63bbbe01eeed093cb22bb8f5acdc3", written.get("md5sum"));
        assertEquals("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed", written.get("checksum"));
        Map<String, Object> again = host().plan(copy, args).result();
        assertEquals("file", again.get("state"));
        assertEquals(written.get("uid"), again.get("uid"));
    }

    @Test
    void followWritesThroughALinkAndKeepsIt() throws Exception {
        Path target = dir.resolve("motd");
        write(target, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("motd.link"), target);
        Map<String, Object> args = args("content", "hello\n", "dest", link.toString(), "follow", true);
        Plan plan = host().plan(copy, args);
        assertEquals(target.toString(), plan.result().get("dest"));
        host().apply(plan);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("hello\n", read(target));
        assertFalse(host().plan(copy, args).changesSomething());
    }

    @Test
    void withoutFollowALinkIsReplacedByAFile() throws Exception {
        Path target = dir.resolve("motd");
        write(target, "hello\n");
        Path link = Files.createSymbolicLink(dir.resolve("motd.link"), target);
        host().apply(host().plan(copy, args("content", "hello\n", "dest", link.toString())));
        assertFalse(Files.isSymbolicLink(link));
        assertEquals("hello\n", read(link));
    }
}
