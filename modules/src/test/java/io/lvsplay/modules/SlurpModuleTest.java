package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurpModuleTest {
    @TempDir
    Path dir;

    private final TestHost host = new TestHost(Path.of("/nonexistent"));

    @Test
    void theContentComesBackInBase64() {
        write(dir.resolve("f"), "one.1.");
        Plan plan = host.plan(new SlurpModule(), args("src", dir.resolve("f").toString()));
        assertEquals("b25lLjEu", plan.result().get("content"));
        assertEquals("base64", plan.result().get("encoding"));
        assertEquals(dir.resolve("f").toString(), plan.result().get("source"));
    }

    @Test
    void aMissingFileOrADirectoryFails() {
        assertEquals("file not found: " + dir.resolve("x"), assertThrows(ModuleFailure.class,
                () -> host.plan(new SlurpModule(), args("path", dir.resolve("x").toString()))).getMessage());
        assertThrows(ModuleFailure.class, () -> host.plan(new SlurpModule(), args("src", dir.toString())));
    }
}
