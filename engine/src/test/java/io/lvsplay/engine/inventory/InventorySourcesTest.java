package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventorySourcesTest {
    @TempDir
    Path dir;

    @Test
    void commaListDefinesUngroupedHosts() {
        Inventory inventory = InventoryLoader.load(List.of("web1,web2"));
        assertEquals(List.of("web1", "web2"), inventory.hostNames());
        assertEquals(List.of("web1", "web2"), inventory.groups().get("ungrouped"));
    }

    @Test
    void singleHostNeedsATrailingComma() {
        assertEquals(List.of("db1"), InventoryLoader.load(List.of("db1,")).hostNames());
    }

    @Test
    void commaListHostMayCarryAPort() {
        assertEquals(Map.of("ansible_port", 2222), InventoryLoader.load(List.of("web1:2222,")).host("web1").vars());
    }

    @Test
    void noSourcesLeaveOnlyTheImplicitLocalhost() {
        Inventory inventory = InventoryLoader.load(List.of());
        assertEquals(List.of(), inventory.hostNames());
        assertEquals(List.of(), inventory.select("all"));
        assertEquals(List.of("localhost"), inventory.select("localhost"));
    }

    @Test
    void implicitLocalhostConnectsLocally() {
        Inventory inventory = InventoryLoader.load(List.of());
        assertEquals(Map.of("ansible_connection", "local"), inventory.host("localhost").vars());
        assertTrue(ConnectionSettings.of("localhost", inventory.varsOf("localhost")).local());
    }

    @Test
    void declaredLocalhostIsAnOrdinaryHost() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "localhost ansible_user=ops\n");
        assertEquals(Map.of("ansible_user", "ops"), inventory.host("localhost").vars());
    }

    @Test
    void directoryLoadsEveryInventoryFileAndItsGroupVars() {
        Inventory inventory = Fixtures.load("mixed-dir");
        assertEquals(List.of("web1", "web2"), inventory.select("web"));
        assertEquals(80, inventory.varsOf("web2").get("http_port"));
    }

    @Test
    void directorySkipsDocumentationAndRetryFiles() {
        assertEquals(List.of("web1", "web2"), Fixtures.load("mixed-dir").hostNames());
    }

    @Test
    void severalSourcesMergeAndLaterVarsWin() {
        Path first = Fixtures.write(dir, "a/hosts", "[web]\nweb1 x=1\n");
        Path second = Fixtures.write(dir, "b/hosts", "[web]\nweb1 x=2\nweb2\n");
        Inventory inventory = InventoryLoader.load(List.of(first.toString(), second.toString()));
        assertEquals(List.of("web1", "web2"), inventory.select("web"));
        assertEquals(2, inventory.varsOf("web1").get("x"));
    }

    @Test
    void missingSourceIsAWarningNamingItAsInAnsible() {
        String missing = dir.resolve("nope").toString();
        Inventory inventory = InventoryLoader.load(List.of(missing));
        assertEquals(List.of("Unable to parse " + missing + " as an inventory source (no such file or directory;"
                + " a single host is written '" + missing + ",')",
                "No inventory was parsed, only implicit localhost is available"), inventory.warnings());
    }
}
