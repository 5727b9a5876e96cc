package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected values were taken from Python 3's ast.literal_eval on the same text. */
class PythonLiteralTest {

    @Test
    void integersInEveryNotation() {
        assertEquals(List.of(1, -3, 31, 1000, 0), List.of(
                PythonLiteral.valueOf("1"), PythonLiteral.valueOf("-3"), PythonLiteral.valueOf("0x1f"),
                PythonLiteral.valueOf("1_000"), PythonLiteral.valueOf("00")));
    }

    @Test
    void integersTooBigForIntWiden() {
        assertEquals(4294967296L, PythonLiteral.valueOf("4294967296"));
    }

    @Test
    void floats() {
        assertEquals(List.of(1.5, 0.5, 1000.0, 5.0), List.of(
                PythonLiteral.valueOf("1.5"), PythonLiteral.valueOf(".5"), PythonLiteral.valueOf("1e3"), PythonLiteral.valueOf("5.")));
    }

    @Test
    void booleansAndNone() {
        assertEquals(true, PythonLiteral.valueOf("True"));
        assertEquals(false, PythonLiteral.valueOf("False"));
        assertNull(PythonLiteral.valueOf("None"));
    }

    @Test
    void quotedStringsLoseQuotesAndDecodeEscapes() {
        assertEquals("x # y", PythonLiteral.valueOf("\"x # y\""));
        assertEquals("a\tb", PythonLiteral.valueOf("\"a\\tb\""));
        assertEquals("a\\n", PythonLiteral.valueOf("r\"a\\n\""));
        assertEquals("ab", PythonLiteral.valueOf("'a' \"b\""));
    }

    @Test
    void containersBecomeListsAndMaps() {
        assertEquals(List.of(1, "a"), PythonLiteral.valueOf("[1, \"a\"]"));
        assertEquals(List.of(1), PythonLiteral.valueOf("[1,]"));
        assertEquals(Map.of("k", List.of(1)), PythonLiteral.valueOf("{\"k\": [1]}"));
        assertEquals(Map.of(), PythonLiteral.valueOf("{}"));
    }

    @Test
    void tuplesAndSetsBecomeListsAsAnsibleCoercesThem() {
        assertEquals(List.of(1), PythonLiteral.valueOf("(1,)"));
        assertEquals(List.of(), PythonLiteral.valueOf("()"));
        assertEquals(List.of(1, 2), PythonLiteral.valueOf("{1, 2}"));
    }

    @Test
    void parenthesesAloneDoNotMakeATuple() {
        assertEquals(1, PythonLiteral.valueOf("(1)"));
    }

    @Test
    void trailingPythonCommentIsIgnored() {
        assertEquals(1, PythonLiteral.valueOf("1 # c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"010", "10-5", "1j", "yes", "10.10.10.100", "abc def", "[1, 2", "wrr", "", "0x", "1_", "True1"})
    void textThatIsNoPythonLiteralStaysAsWritten(String text) {
        assertEquals(text, PythonLiteral.valueOf(text));
    }
}
