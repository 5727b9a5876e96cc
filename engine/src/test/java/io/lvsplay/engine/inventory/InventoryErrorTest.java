package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryErrorTest {
    @TempDir
    Path dir;

    private InventoryError loadFails(String name, String text) {
        Path file = Fixtures.write(dir, name, text);
        InventoryError error = assertThrows(InventoryError.class, () -> InventoryLoader.load(List.of(file.toString())));
        assertEquals(file.toString(), error.file());
        return error;
    }

    @Test
    void sectionHeaderWithSpacesPointsAtItsLine() {
        InventoryError error = loadFails("hosts", "[web]\nweb1\n[web servers]\n");
        assertEquals(3, error.line());
        assertTrue(error.getMessage().startsWith(error.file() + ":3: invalid section header"), error.getMessage());
    }

    @Test
    void unknownSectionTypeIsRejected() {
        InventoryError error = loadFails("hosts", "[web:hosts2]\n");
        assertEquals(1, error.line());
        assertTrue(error.getMessage().contains("unknown type 'hosts2'"), error.getMessage());
    }

    @Test
    void hostVariableWithoutEqualsIsRejected() {
        InventoryError error = loadFails("hosts", "[web]\nweb1 ansible_user deploy\n");
        assertEquals(2, error.line());
        assertTrue(error.getMessage().contains("expected key=value"), error.getMessage());
    }

    @Test
    void groupVarWithoutEqualsIsRejected() {
        InventoryError error = loadFails("hosts", "[web:vars]\n\nhttp_port 80\n");
        assertEquals(3, error.line());
    }

    @Test
    void unclosedQuoteIsRejected() {
        assertEquals(1, loadFails("hosts", "web1 motd=\"hello\n").line());
    }

    @Test
    void paddedRangeWithUnequalWidthsIsRejected() {
        InventoryError error = loadFails("hosts", "[web]\nweb[01:100]\n");
        assertEquals(2, error.line());
        assertTrue(error.getMessage().contains("equal width"), error.getMessage());
    }

    @Test
    void rangeWithoutEndIsRejected() {
        assertEquals(1, loadFails("hosts", "web[1:]\n").line());
    }

    @Test
    void hostEndingInColonIsRejected() {
        assertTrue(loadFails("hosts", "[web]\nweb1:\n").getMessage().contains("reserved for a port"));
    }

    @Test
    void childrenLoopIsRejectedAtTheClosingEntry() {
        InventoryError error = loadFails("hosts", "[a:children]\nb\n[b:children]\na\n");
        assertEquals(4, error.line());
        assertTrue(error.getMessage().contains("loop"), error.getMessage());
    }

    @Test
    void childrenEntryMustBeAGroupName() {
        assertEquals(2, loadFails("hosts", "[a:children]\nb:c\n").line());
    }

    @Test
    void invalidYamlPointsAtTheProblemLine() {
        assertEquals(3, loadFails("inv.yml", "all:\n  hosts:\n    a: b: c\n").line());
    }

    @Test
    void unexpectedKeyInYamlGroupIsRejectedWithItsLine() {
        InventoryError error = loadFails("inv.yml", "all:\n  children:\n    web:\n      web1:\n");
        assertEquals(4, error.line());
        assertTrue(error.getMessage().contains("unexpected key 'web1'"), error.getMessage());
    }

    @Test
    void yamlInventoryMustBeAMapping() {
        assertEquals(1, loadFails("inv.yml", "- a\n- b\n").line());
    }

    @Test
    void groupVarsFileMustBeAMappingAndTheErrorNamesThatFile() {
        Path varsFile = Fixtures.write(dir, "group_vars/web.yml", "- not\n- a mapping\n");
        Path hosts = Fixtures.write(dir, "hosts", "[web]\nweb1\n");
        InventoryError error = assertThrows(InventoryError.class, () -> InventoryLoader.load(List.of(hosts.toString())));
        assertEquals(varsFile.toString(), error.file());
    }

    @Test
    void nonNumericGroupPriorityIsRejected() {
        assertEquals(2, loadFails("hosts", "[web:vars]\nansible_group_priority=high\n").line());
    }
}
