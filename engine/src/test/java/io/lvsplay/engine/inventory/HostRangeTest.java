package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostRangeTest {
    private final Inventory ranges = Fixtures.load("ranges/hosts.ini");

    @Test
    void numericRangeIsInclusive() {
        assertEquals(List.of("rs1", "rs2", "rs3"), ranges.groups().get("numbered"));
    }

    @Test
    void leadingZeroPadsToTheBoundWidthAndStepSkips() {
        assertEquals(List.of("web01.example.com", "web04.example.com", "web07.example.com", "web10.example.com"),
                ranges.groups().get("padded"));
    }

    @Test
    void letterRangeExpandsAlphabetically() {
        assertEquals(List.of("db-a", "db-b", "db-c"), ranges.groups().get("lettered"));
    }

    @Test
    void rangeInsideAnIpAddress() {
        assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"), ranges.groups().get("addresses"));
    }

    @Test
    void stepStopsAtTheEnd() {
        assertEquals(List.of("node1", "node5", "node9"), ranges.groups().get("stepped"));
    }

    @Test
    void severalRangesMultiplyLeftmostFirst() {
        assertEquals(List.of("r1ca", "r1cb", "r2ca", "r2cb"), ranges.groups().get("two_ranges"));
    }
}
