package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** group_by and add_host change the in-memory inventory as Ansible's strategy does, and say when they changed it. */
class RuntimeAdditionsTest {
    @TempDir
    Path dir;

    private Inventory inventory() {
        return InventoryLoader.load(List.of(Fixtures.write(dir, "hosts", "[web]\nh1\nh2\n").toString()));
    }

    @Test
    void groupByCreatesTheGroupUnderAllAndIsChangedOnlyTheFirstTime() {
        Inventory inv = inventory();
        assertTrue(inv.addToGroup("h1", "debian", List.of("all")));
        assertFalse(inv.addToGroup("h1", "debian", List.of("all")));
        assertEquals(List.of("h1"), inv.groups().get("debian"));
        assertEquals(List.of("debian", "web"), inv.groupNamesOf("h1"));
        assertEquals(List.of("h1"), inv.select("debian"));
    }

    @Test
    void groupByParentsAreCreatedAndContainTheGroup() {
        Inventory inv = inventory();
        inv.addToGroup("h2", "bookworm", List.of("debian"));
        assertEquals(List.of("h2"), inv.groups().get("debian"));
        assertEquals(List.of("bookworm", "debian", "web"), inv.groupNamesOf("h2"));
    }

    @Test
    void addHostDeclaresTheHostWithVarsAndGroups() {
        Inventory inv = inventory();
        assertTrue(inv.addHost("db1", Map.of("ansible_host", "10.0.0.5"), List.of("db")));
        assertEquals("10.0.0.5", inv.varsOf("db1").get("ansible_host"));
        assertEquals(List.of("db"), inv.groupNamesOf("db1"));
        assertTrue(inv.hostNames().contains("db1"));
        assertFalse(inv.addHost("db1", Map.of("ansible_host", "10.0.0.5"), List.of("db")));
        assertTrue(inv.addHost("db1", Map.of("ansible_host", "10.0.0.6"), List.of("db")));
    }

    @Test
    void addHostWithoutGroupsIsUngrouped() {
        Inventory inv = inventory();
        inv.addHost("lone", Map.of(), List.of());
        assertEquals(List.of("ungrouped"), inv.groupNamesOf("lone"));
        assertTrue(inv.select("all").contains("lone"));
    }
}
