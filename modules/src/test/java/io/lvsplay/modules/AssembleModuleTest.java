package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.read;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvsplay.engine.module.ModuleFailure;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assemble joins a directory's files by name, as Ansible's assemble_from_fragments, once. */
class AssembleModuleTest {
    @TempDir
    Path dir;

    private final AssembleModule assemble = new AssembleModule();
    private final TestHost host = new TestHost(Path.of("/nonexistent"));

    @Test
    void fragmentsAreJoinedInNameOrderWithTheDelimiterBetweenThem() {
        write(dir.resolve("parts/10-b"), "b");
        write(dir.resolve("parts/01-a"), "a\n");
        write(dir.resolve("parts/.hidden"), "h\n");
        Map<String, Object> args = args("src", dir.resolve("parts").toString(), "dest", dir.resolve("out").toString(),
                "delimiter", "### part", "ignore_hidden", true);
        host.run(assemble, args);
        assertEquals("a\n### part\nb", read(dir.resolve("out")));
        assertFalse(host.plan(assemble, args).changesSomething(), "a second run changes nothing");
    }

    @Test
    void aMissingNewlineIsAddedBeforeTheNextFragmentAndRegexpFilters() {
        write(dir.resolve("p/a.conf"), "a");
        write(dir.resolve("p/b.conf"), "b\n");
        write(dir.resolve("p/c.txt"), "c\n");
        host.run(assemble, args("src", dir.resolve("p").toString(), "dest", dir.resolve("o").toString(),
                "regexp", "\\.conf$"));
        assertEquals("a\nb\n", read(dir.resolve("o")));
    }

    @Test
    void aSourceThatIsNoDirectoryFails() {
        assertThrows(ModuleFailure.class, () -> host.plan(assemble, args("src", dir.resolve("none").toString(),
                "dest", dir.resolve("o").toString())));
    }
}
