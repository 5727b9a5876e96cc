package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** originsOf names where the value varsOf returns is set, by the same precedence. */
class VarOriginsTest {
    @TempDir
    Path dir;

    @Test
    void anIniHostLineAndAGroupsVarsSectionAreNamedByFileAndLine() {
        Path hosts = Fixtures.write(dir, "hosts", "[realservers]\nrs1 ansible_host=10.0.0.1 rs_weight=70000\nrs2\n"
                + "\n[all:vars]\nvip_port=0\nrs_weight=1\n");
        Inventory inventory = InventoryLoader.load(List.of(hosts.toString()));
        assertEquals(hosts + ":2", inventory.originsOf("rs1").get("rs_weight"));
        assertEquals(hosts + ":7", inventory.originsOf("rs2").get("rs_weight"), "the group's line when the host sets none");
        assertEquals(hosts + ":6", inventory.originsOf("rs1").get("vip_port"));
        assertFalse(inventory.originsOf("rs1").containsKey("lvs_mode"), "a variable nobody set has no origin");
    }

    @Test
    void aGroupVarsFileBeatsTheInventoryFilesGroupVarsAndAHostLineBeatsBoth() {
        Path hosts = Fixtures.write(dir, "hosts", "[web]\nw1 port=3\nw2\n[web:vars]\nport=1\nvip=10.0.0.9\n");
        Path file = Fixtures.write(dir, "group_vars/web.yml", "port: 2\n");
        Inventory inventory = InventoryLoader.load(List.of(hosts.toString()));
        assertEquals(file.toString(), inventory.originsOf("w2").get("port"));
        assertEquals(hosts + ":6", inventory.originsOf("w2").get("vip"));
        assertEquals(hosts + ":2", inventory.originsOf("w1").get("port"));
    }

    @Test
    void aYamlInventoryNamesTheLineOfTheHostsVars() {
        Path hosts = Fixtures.write(dir, "hosts.yml", "all:\n  children:\n    directors:\n      hosts:\n"
                + "        d1:\n          keepalived_priority: 300\n");
        Inventory inventory = InventoryLoader.load(List.of(hosts.toString()));
        assertEquals(hosts + ":5", inventory.originsOf("d1").get("keepalived_priority"));
    }
}
