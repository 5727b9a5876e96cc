package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
    void aMissingPathOnlySaysItDoesNotExist() {
        Plan plan = host.plan(new StatModule(), args("path", dir.resolve("none").toString()));
        assertEquals(Map.of("exists", false), plan.result().get("stat"));
    }
}
