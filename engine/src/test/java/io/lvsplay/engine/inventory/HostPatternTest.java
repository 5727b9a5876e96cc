package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPatternTest {
    @TempDir
    Path dir;

    private Inventory inventory;

    @BeforeEach
    void lvsInventoryWithAStagingGroupAndDnsNames() {
        inventory = Fixtures.loadText(dir, "hosts", """
                [directors]
                director

                [realservers]
                rs[1:3]

                [staging]
                rs3
                director

                [lvs:children]
                directors
                realservers

                [dns]
                ns1.example.com
                ns2.example.org
                """);
    }

    @Test
    void allWalksGroupsBreadthFirstLikeAnsible() {
        // all's children are [ungrouped, staging, lvs, dns]; directors and realservers sit one level deeper
        assertEquals(List.of("rs3", "director", "ns1.example.com", "ns2.example.org", "rs1", "rs2"), inventory.select("all"));
    }

    @Test
    void starSelectsEveryHostLikeAll() {
        assertEquals(inventory.select("all"), inventory.select("*"));
    }

    @Test
    void groupSelectsItsHostsIncludingChildren() {
        assertEquals(List.of("director", "rs1", "rs2", "rs3"), inventory.select("lvs"));
    }

    @Test
    void hostNameSelectsThatHost() {
        assertEquals(List.of("rs2"), inventory.select("rs2"));
    }

    @Test
    void groupKeepsItsOwnListingOrderLikeAnsible() {
        assertEquals(List.of("rs3", "director"), inventory.select("staging"));
    }

    @Test
    void colonUnionKeepsFirstSeenOrderWithoutDuplicates() {
        assertEquals(List.of("rs3", "director", "rs1", "rs2"), inventory.select("staging:realservers"));
    }

    @Test
    void commaUnionWorksLikeColon() {
        assertEquals(inventory.select("staging:realservers"), inventory.select("staging, realservers"));
    }

    @Test
    void ampersandIntersects() {
        assertEquals(List.of("rs3"), inventory.select("realservers:&staging"));
    }

    @Test
    void bangExcludes() {
        assertEquals(List.of("rs1", "rs2"), inventory.select("realservers:!staging"));
    }

    @Test
    void exclusionsApplyAfterUnionsWhereverTheyAppear() {
        // directors is listed after the exclusion, yet its only host is still excluded
        assertEquals(List.of("rs1", "rs2"), inventory.select("realservers:!staging:directors"));
    }

    @Test
    void intersectionsApplyAfterAllUnions() {
        assertEquals(List.of("rs3", "director"), inventory.select("realservers:&staging:directors"));
    }

    @Test
    void exclusionAloneStartsFromAll() {
        assertEquals(List.of("rs3", "director", "rs1", "rs2"), inventory.select("!dns"));
    }

    @Test
    void globMatchesHostNames() {
        assertEquals(List.of("rs1", "rs2", "rs3"), inventory.select("rs*"));
    }

    @Test
    void globMatchesDomainSuffix() {
        assertEquals(List.of("ns1.example.com"), inventory.select("*.example.com"));
    }

    @Test
    void globMatchesGroupNamesToo() {
        assertEquals(List.of("director", "rs1", "rs2", "rs3"), inventory.select("dir*:real*"));
    }

    @Test
    void tildeRegexMatchesFromTheStartOfTheName() {
        assertEquals(List.of("rs1", "rs2", "rs3"), inventory.select("~rs[0-9]+"));
        assertEquals(List.of("ns1.example.com", "ns2.example.org"), inventory.select("~ns\\d"));
    }

    @Test
    void subscriptPicksOneHostOfAGroup() {
        assertEquals(List.of("rs1"), inventory.select("realservers[0]"));
        assertEquals(List.of("rs3"), inventory.select("realservers[-1]"));
    }

    @Test
    void subscriptRangeIsInclusive() {
        assertEquals(List.of("rs1", "rs2"), inventory.select("realservers[0:1]"));
    }

    @Test
    void openEndedSubscriptRunsToTheLastHost() {
        assertEquals(List.of("rs2", "rs3"), inventory.select("realservers[1:]"));
    }

    @Test
    void subscriptPastTheEndSelectsNothing() {
        assertEquals(List.of(), inventory.select("realservers[7]"));
    }

    @Test
    void subscriptWorksInsideAUnion() {
        assertEquals(List.of("rs1", "director"), inventory.select("realservers[0]:directors"));
    }

    @Test
    void unknownNameSelectsNothing() {
        assertEquals(List.of(), inventory.select("nonexistent"));
    }

    @Test
    void localhostIsImplicitWhenNotDeclared() {
        assertEquals(List.of("localhost"), inventory.select("localhost"));
    }

    @Test
    void implicitLocalhostIsNotPartOfAll() {
        assertFalse(inventory.select("all").contains("localhost"));
    }

    @Test
    void invalidRegexIsAnError() {
        InventoryError error = assertThrows(InventoryError.class, () -> inventory.select("~rs(0"));
        assertTrue(error.getMessage().contains("~rs(0"), error.getMessage());
    }

    @Test
    void operatorWithoutOperandIsAnError() {
        InventoryError error = assertThrows(InventoryError.class, () -> inventory.select("realservers:!"));
        assertTrue(error.getMessage().contains("nothing after"), error.getMessage());
    }
}
