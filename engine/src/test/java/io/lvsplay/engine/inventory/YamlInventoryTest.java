package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlInventoryTest {
    @TempDir
    Path dir;

    @Test
    void yamlFormOfTheLvsInventoryListsExactlyLikeTheIniForm() {
        assertEquals(Fixtures.load("lvs/hosts").toListJson(), Fixtures.load("lvs-yaml/hosts.yml").toListJson());
    }

    @Test
    void hostsWithoutVarsMayBeNull() {
        Inventory inventory = Fixtures.loadText(dir, "inv.yml", "all:\n  hosts:\n    a:\n    b: ~\n");
        assertEquals(List.of("a", "b"), inventory.hostNames());
        assertEquals(Map.of(), inventory.host("a").vars());
    }

    @Test
    void hostsDirectlyUnderAllAreUngrouped() {
        Inventory inventory = Fixtures.loadText(dir, "inv.yml", "all:\n  hosts:\n    a:\n");
        assertEquals(List.of("a"), inventory.groups().get("ungrouped"));
    }

    @Test
    void valuesKeepTheirYamlTypes() {
        Inventory inventory = Fixtures.loadText(dir, "inv.yml",
                "all:\n  hosts:\n    a:\n      port: 2222\n      enabled: yes\n      tags: [x, y]\n      opts: {k: v}\n");
        assertEquals(Map.of("port", 2222, "enabled", true, "tags", List.of("x", "y"), "opts", Map.of("k", "v")), inventory.host("a").vars());
    }

    @Test
    void otherTopLevelGroupsBecomeChildrenOfAll() {
        Inventory inventory = Fixtures.loadText(dir, "inv.yml", "web:\n  hosts:\n    w1:\ndb:\n  hosts:\n    d1:\n");
        assertEquals(Map.of("children", List.of("ungrouped", "web", "db")), inventory.toListJson().get("all"));
    }

    @Test
    void rangesAndPortsWorkInHostKeys() {
        Inventory inventory = Fixtures.loadText(dir, "inv.yml", "all:\n  hosts:\n    rs[01:02]:2200:\n");
        assertEquals(List.of("rs01", "rs02"), inventory.hostNames());
        assertEquals(Map.of("ansible_port", 2200), inventory.host("rs02").vars());
    }

    @Test
    void groupVarsApplyToHostsOfNestedChildren() {
        Inventory inventory = Fixtures.loadText(dir, "inv.yml",
                "all:\n  vars:\n    a: 1\n  children:\n    top:\n      vars:\n        b: 2\n      children:\n        leaf:\n          hosts:\n            h:\n");
        assertEquals(Map.of("a", 1, "b", 2), inventory.varsOf("h"));
    }

    @Test
    void fileWithoutExtensionStartingWithAllIsReadAsYaml() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "# comment\nall:\n  hosts:\n    y1:\n");
        assertEquals(List.of("y1"), inventory.hostNames());
    }

    @Test
    void aGroupListedUnderTwoParentsIsOneGroup() {
        Inventory inventory = Fixtures.loadText(dir, "inv.yml",
                "all:\n  children:\n    p1:\n      children:\n        shared:\n          hosts:\n            h:\n    p2:\n      children:\n        shared:\n");
        assertEquals(List.of("p1", "p2", "shared"), inventory.groupNamesOf("h"));
        assertTrue(inventory.select("p2").contains("h"));
    }
}
