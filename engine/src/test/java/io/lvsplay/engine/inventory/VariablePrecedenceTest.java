package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariablePrecedenceTest {
    @TempDir
    Path dir;

    private final Inventory nested = Fixtures.load("nested/hosts");

    @Test
    void deeperGroupBeatsItsParentsAndAll() {
        assertEquals("realservers", nested.varsOf("rs1").get("level"));
        assertEquals("lvs", nested.varsOf("director").get("level"));
        assertEquals("all", nested.varsOf("dns1").get("level"));
    }

    @Test
    void varsOfEveryAncestorReachTheHost() {
        assertEquals("yes", nested.varsOf("rs2").get("site_only"));
    }

    @Test
    void hostVarsFileBeatsHostLineWhichBeatsGroups() {
        assertEquals("from_host_vars", nested.varsOf("rs1").get("role_label"));
        assertEquals("from_realservers", nested.varsOf("rs2").get("role_label"));
    }

    @Test
    void hostVarsFileIsPartOfTheHostsOwnVars() {
        assertEquals(Map.of("role_label", "from_host_vars"), nested.host("rs1").vars());
    }

    @Test
    void groupVarsDirectoryFilesMergeInNameOrderSkippingHiddenOnes() {
        assertEquals("10.10.10.200", nested.varsOf("director").get("vip"));
        assertEquals("wrr", nested.varsOf("director").get("lvs_scheduler"));
    }

    @Test
    void groupVarsJsonFileIsRead() {
        assertEquals(8080, nested.varsOf("rs2").get("rs_port"));
    }

    @Test
    void groupVarsAllFileReachesUngroupedHosts() {
        assertEquals("ntp.inventory.example", nested.varsOf("dns1").get("ntp_server"));
    }

    @Test
    void groupVarsAllFileBeatsInventoryFileVarsOfOtherGroups() {
        Path inventory = Fixtures.write(dir, "hosts", "[web]\nw1\n[web:vars]\nport=1\n");
        Fixtures.write(dir, "group_vars/all.yml", "port: 2\n");
        assertEquals(2, InventoryLoader.load(List.of(inventory.toString())).varsOf("w1").get("port"));
    }

    @Test
    void playbookGroupVarsOverrideInventoryGroupVarsAndReplaceDictsWhole() {
        Inventory inventory = Fixtures.load("nested/hosts");
        inventory.loadVarsDir(Fixtures.path("playbook"));
        assertEquals("ntp.playbook.example", inventory.varsOf("rs1").get("ntp_server"));
        assertEquals(Map.of("color", "red"), inventory.varsOf("rs1").get("settings"));
    }

    @Test
    void playbookHostVarsOverrideInventoryGroupVars() {
        Inventory inventory = Fixtures.load("nested/hosts");
        inventory.loadVarsDir(Fixtures.path("playbook"));
        assertEquals(9090, inventory.varsOf("rs2").get("rs_port"));
    }

    @Test
    void sameDepthGroupsApplyAlphabeticallySoTheLaterNameWins() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "[beta]\nh\n[alpha]\nh\n[alpha:vars]\nx=alpha\n[beta:vars]\nx=beta\n");
        assertEquals("beta", inventory.varsOf("h").get("x"));
    }

    @Test
    void higherGroupPriorityWinsAmongSameDepthGroups() {
        Inventory inventory = Fixtures.loadText(dir, "hosts",
                "[alpha]\nh\n[beta]\nh\n[alpha:vars]\nx=alpha\nansible_group_priority=10\n[beta:vars]\nx=beta\n");
        assertEquals("alpha", inventory.varsOf("h").get("x"));
    }

    @Test
    void groupPriorityIsNotAVariable() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "[alpha]\nh\n[alpha:vars]\nansible_group_priority=10\n");
        assertFalse(inventory.varsOf("h").containsKey("ansible_group_priority"));
    }

    @Test
    void groupVarsFilesOfAnotherGroupDoNotLeak() {
        assertFalse(nested.varsOf("dns1").containsKey("vip"));
    }
}
