package io.lvsplay.it.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every inventory example parses and every shipped playbook loads with it (no Docker, no SSH). */
class InventoryExamplesTest {

    private static final Path REPO = Repo.root();
    private static final List<String> PLAYBOOKS = List.of("site.yml", "lvs-dr.yml", "lvs-nat.yml", "lvs-tun.yml",
            "verify.yml", "lvs-teardown.yml", "keepalived-ha.yml", "heartbeat-ha.yml");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(REPO.resolve("inventory-examples"))) {
            return files.filter(p -> p.toString().endsWith(".ini") || p.toString().endsWith(".yml")).sorted().toList().stream();
        }
    }

    @Test
    void thereIsOneExamplePerTutorialTopologyAndLabCopies() throws IOException {
        List<String> names = examples().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("dr-tutorial.ini", "nat-tutorial.ini", "dr-148.ini", "nat-148.ini",
                "tun-136.ini", "lab-dr.ini", "lab-nat.ini", "lab-tun.ini", "multi-service.yml", "ha-tutorial.ini", "heartbeat-tutorial.ini")),
                names.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void inventoryListsTheLvsGroups(Path inventory) {
        LvsplayRun.Result r = LvsplayRun.run("inventory", "-i", inventory.toString(), "--list");
        assertEquals(0, r.exitCode(), r.output());
        for (String group : List.of("\"directors\"", "\"realservers\"", "\"clients\"")) {
            assertTrue(r.stdout().contains(group), "group " + group + " missing in:\n" + r.stdout());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyPlaybookPassesSyntaxCheck(Path inventory) {
        for (String playbook : PLAYBOOKS) {
            LvsplayRun.Result r = LvsplayRun.run("run", "--syntax-check", "-i", inventory.toString(),
                    REPO.resolve("playbooks").resolve(playbook).toString());
            assertEquals(0, r.exitCode(), playbook + " with " + inventory.getFileName() + ":\n" + r.output());
        }
    }
}
