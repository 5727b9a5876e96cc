package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.Plan;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatModuleTest {
    @TempDir
    Path dir;

    private final TestHost host = new TestHost(Path.of("/nonexistent"));

    @Test
    void aFileIsDescribedWithItsChecksum() {
        write(dir.resolve("f"), "abc");
        Plan plan = host.plan(new StatModule(), args("path", dir.resolve("f").toString()));
        Map<?, ?> stat = (Map<?, ?>) plan.result().get("stat");
        assertEquals(true, stat.get("exists"));
        assertEquals(true, stat.get("isreg"));
        assertEquals(false, stat.get("isdir"));
        assertEquals(3L, stat.get("size"));
        assertEquals("root", stat.get("pw_name"));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", stat.get("checksum"));
        assertFalse(plan.changesSomething());
    }

    @Test
    void aFileHasEveryFieldAnsiblesStatReturns() throws Exception {
        write(dir.resolve("f"), "hello world");
        java.nio.file.Files.setPosixFilePermissions(dir.resolve("f"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Map<?, ?> stat = (Map<?, ?>) host.plan(new StatModule(), args("path", dir.resolve("f").toString(),
                "get_md5", true)).result().get("stat");
        for (String field : java.util.List.of("atime", "ctime", "mtime", "dev", "inode", "nlink", "uid", "gid",
                "gr_name", "isblk", "ischr", "isfifo", "issock", "isuid", "isgid", "readable", "writeable",
                "executable", "mimetype", "charset", "version", "attributes", "attr_flags", "blocks",
                "block_size", "device_type")) {
            assertTrue(stat.containsKey(field), field);
        }
        assertEquals("0640", stat.get("mode"));
        assertEquals(true, stat.get("rusr"));
        assertEquals(true, stat.get("rgrp"));
        assertEquals(false, stat.get("roth"));
        assertEquals(false, stat.get("xusr"));
        assertEquals("5eb63bbbe01eeed093cb22bb8f5acdc3", stat.get("md5"));
        assertTrue(stat.get("mtime") instanceof Double);
    }

    @Test
    void aLinkNamesItsTargetUnlessFollowed() throws Exception {
        write(dir.resolve("f"), "abc");
        java.nio.file.Files.createSymbolicLink(dir.resolve("l"), Path.of("f"));
        Map<?, ?> link = (Map<?, ?>) host.plan(new StatModule(), args("path", dir.resolve("l").toString()))
                .result().get("stat");
        assertEquals(true, link.get("islnk"));
        assertEquals("f", link.get("lnk_target"));
        assertEquals(dir.resolve("f").toRealPath().toString(), link.get("lnk_source"));
        assertFalse(link.containsKey("checksum"));
        Map<?, ?> followed = (Map<?, ?>) host.plan(new StatModule(), args("path", dir.resolve("l").toString(),
                "follow", true)).result().get("stat");
        assertEquals(true, followed.get("isreg"));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", followed.get("checksum"));
    }

    @Test
    void deviceNumbersAreEncodedAsGlibcDoes() {
        assertEquals(259L, StatFacts.deviceNumber(1, 3));
        assertEquals((8L << 8) | 17, StatFacts.deviceNumber(8, 17));
    }

    @Test
    void aMissingPathOnlySaysItDoesNotExist() {
        Plan plan = host.plan(new StatModule(), args("path", dir.resolve("none").toString()));
        assertEquals(Map.of("exists", false), plan.result().get("stat"));
    }
}
