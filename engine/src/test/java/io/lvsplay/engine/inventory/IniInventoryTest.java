package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniInventoryTest {
    @TempDir
    Path dir;

    private final Inventory lvs = Fixtures.load("lvs/hosts");

    @Test
    void hostsAreListedInDefinitionOrderWithRangesExpanded() {
        assertEquals(List.of("director", "rs1", "rs2", "rs3"), lvs.hostNames());
    }

    @Test
    void childrenGroupsContainTheHostsOfTheirSubgroups() {
        assertEquals(List.of("director", "rs1", "rs2", "rs3"), lvs.groups().get("lvs"));
        assertEquals(List.of("rs1", "rs2", "rs3"), lvs.groups().get("realservers"));
    }

    @Test
    void groupsIncludeAllAndAnEmptyUngrouped() {
        assertEquals(List.of("director", "rs1", "rs2", "rs3"), lvs.groups().get("all"));
        assertEquals(List.of(), lvs.groups().get("ungrouped"));
    }

    @Test
    void groupNamesAreSortedAndLeaveOutAll() {
        assertEquals(List.of("lvs", "realservers"), lvs.groupNamesOf("rs2"));
    }

    @Test
    void hostLineValuesAreTypedLikePythonLiterals() {
        assertEquals(Map.of("ansible_host", "10.10.10.12", "rs_weight", 3), lvs.host("rs1").vars());
    }

    @Test
    void groupVarsFlowIntoEveryHostOfTheGroupAndItsChildren() {
        assertEquals(Map.of("ansible_host", "10.10.10.11", "vip", "10.10.10.100", "lvs_scheduler", "wrr"), lvs.varsOf("director"));
    }

    @Test
    void hostOwnVarsDoNotIncludeGroupVars() {
        assertEquals(Map.of("rs_weight", 1), lvs.host("rs3").vars());
    }

    @Test
    void unknownHostIsNull() {
        assertEquals(null, lvs.host("nope"));
    }

    @Test
    void hostsBeforeAnySectionAreUngrouped() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "loner\n[web]\nweb1\n");
        assertEquals(List.of("loner"), inventory.groups().get("ungrouped"));
        assertEquals(List.of("ungrouped"), inventory.groupNamesOf("loner"));
    }

    @Test
    void aHostLaterPlacedInAGroupLeavesUngrouped() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "web1\n[web]\nweb1\n");
        assertEquals(List.of(), inventory.groups().get("ungrouped"));
        assertEquals(List.of("web"), inventory.groupNamesOf("web1"));
    }

    @Test
    void portAfterTheNameBecomesAnsiblePort() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "[web]\nweb1:2222\nweb[2:3]:2200 ansible_user=deploy\n");
        assertEquals(Map.of("ansible_port", 2222), inventory.host("web1").vars());
        assertEquals(Map.of("ansible_port", 2200, "ansible_user", "deploy"), inventory.host("web3").vars());
    }

    @Test
    void quotedValuesKeepTheirSpacesAndLoseTheirQuotes() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "h a=\"two words\" b='x y' c=\"'1'\"\n");
        assertEquals(Map.of("a", "two words", "b", "x y", "c", "1"), inventory.host("h").vars());
    }

    @Test
    void hostLineValuesBecomeListsBooleansAndNumbers() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "h list=[1,2] flag=True ratio=0.5 word=yes padded=010\n");
        assertEquals(Map.of("list", List.of(1, 2), "flag", true, "ratio", 0.5, "word", "yes", "padded", "010"), inventory.host("h").vars());
    }

    @Test
    void groupVarsSectionTakesTheWholeRestOfTheLineAsValue() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "[g]\nh\n[g:vars]\nmotd = Welcome to the cluster\nquoted=\"a b\"\ncount=2\n");
        assertEquals(Map.of("motd", "Welcome to the cluster", "quoted", "a b", "count", 2), inventory.varsOf("h"));
    }

    @Test
    void commentsWithHashOrSemicolonAreIgnored() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "# comment\n; comment\n[web] # trailing\nweb1 x=1 # trailing comment\n");
        assertEquals(List.of("web1"), inventory.hostNames());
        assertEquals(Map.of("x", 1), inventory.host("web1").vars());
    }

    @Test
    void groupMentionedOnlyInChildrenOrVarsExists() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "[parent:children]\nlater\n[solo:vars]\nx=1\n");
        assertTrue(inventory.groups().containsKey("later"));
        assertTrue(inventory.groups().containsKey("solo"));
    }

    @Test
    void childDeclaredBeforeItsOwnSectionKeepsItsHosts() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "[parent:children]\nkid\n[kid]\nk1\n");
        assertEquals(List.of("k1"), inventory.groups().get("parent"));
    }

    @Test
    void varsOfAHostListedTwiceAccumulateAndLaterWins() {
        Inventory inventory = Fixtures.loadText(dir, "hosts", "[a]\nh x=1 y=1\n[b]\nh y=2\n");
        assertEquals(Map.of("x", 1, "y", 2), inventory.host("h").vars());
    }
}
