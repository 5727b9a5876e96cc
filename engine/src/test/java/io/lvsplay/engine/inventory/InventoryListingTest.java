package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryListingTest {
    @TempDir
    Path dir;

    @Test
    void lvsInventoryPrintsWhatAnsibleInventoryListPrints() throws IOException {
        // expected/lvs-list.json was written with Python's json.dumps(indent=4, sort_keys=True), like ansible-inventory
        String expected = Files.readString(Fixtures.path("expected/lvs-list.json")).stripTrailing();
        assertEquals(expected, Fixtures.load("lvs/hosts").toJsonText());
    }

    @Test
    void allListsUngroupedFirstButEmptyGroupsGetNoEntry() {
        Map<String, Object> listing = Fixtures.load("lvs/hosts").toListJson();
        assertEquals(Map.of("children", List.of("ungrouped", "lvs")), listing.get("all"));
        assertFalse(listing.containsKey("ungrouped"));
    }

    @Test
    void groupEntriesListOnlyDirectHosts() {
        Map<String, Object> listing = Fixtures.load("lvs/hosts").toListJson();
        assertEquals(Map.of("children", List.of("directors", "realservers")), listing.get("lvs"));
    }

    @Test
    void hostsWithoutAnyVarsAreLeftOutOfHostvars() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "[web]\nbare\nrich x=1\n");
        assertEquals(Map.of("hostvars", Map.of("rich", Map.of("x", 1))), inventory.toListJson().get("_meta"));
    }

    @Test
    void jsonTextEscapesLikePythonAndKeepsNonAscii() {
        Inventory inventory = Fixtures.loadText(dir, "inv.yml",
                "all:\n  hosts:\n    h:\n      motd: \"Grüße \\\"all\\\"\\n\"\n      ratio: 1.0e+20\n      small: 1.0e-05\n");
        String json = inventory.toJsonText();
        assertEquals(true, json.contains("\"motd\": \"Grüße \\\"all\\\"\\n\""), json);
        assertEquals(true, json.contains("\"ratio\": 1e+20"), json);
        assertEquals(true, json.contains("\"small\": 1e-05"), json);
    }
}
