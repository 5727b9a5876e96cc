package io.lvsplay.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON as Ansible prints it in results and item labels. */
class JsonTextTest {

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void compactStringIsPrintedBare() {
        assertEquals("web1", JsonText.compact("web1"));
    }

    @Test
    void compactMapUsesPythonJsonSpacing() {
        assertEquals("{\"name\": \"a\", \"port\": 80}", JsonText.compact(ordered("name", "a", "port", 80)));
    }

    @Test
    void compactListUsesPythonJsonSpacing() {
        assertEquals("[1, 2]", JsonText.compact(List.of(1, 2)));
    }

    @Test
    void compactKeepsColonsAndCommasInsideStringValues() {
        assertEquals("{\"url\": \"http://a:80/x,y\"}", JsonText.compact(ordered("url", "http://a:80/x,y")));
    }

    @Test
    void prettyIndentsByFourSpaces() {
        assertEquals("{\n    \"changed\": false,\n    \"msg\": \"hi\"\n}",
                JsonText.pretty(ordered("changed", false, "msg", "hi")));
    }

    @Test
    void prettyNestsListsIndented() {
        assertEquals("{\n    \"l\": [\n        1,\n        2\n    ]\n}", JsonText.pretty(ordered("l", List.of(1, 2))));
    }

    @Test
    void prettyClosesEmptyContainersOnTheSameLineAsPython() {
        assertEquals("{\n    \"a\": {},\n    \"b\": []\n}", JsonText.pretty(ordered("a", java.util.Map.of(), "b", List.of())));
    }

    @Test
    void prettyLeavesStringContentAlone() {
        assertEquals("{\n    \"s\": \"x\\\" : y\"\n}", JsonText.pretty(ordered("s", "x\" : y")));
    }

    @Test
    void controlCharactersUseLowercaseHexAndNonAsciiStays() {
        assertEquals("[\"\\u001f\\t\u00e9\"]", JsonText.compact(List.of("\u001f\t\u00e9")));
    }

    @Test
    void floatsPrintAsPythonRepr() {
        assertEquals("[1e+16, 1e-05, 0.5, 100.0]", JsonText.compact(List.of(1e16, 1e-5, 0.5, 100.0)));
    }

    @Test
    void sortedPrettyOrdersKeysLikeSortKeys() {
        assertEquals("{\n    \"a\": 1,\n    \"b\": 2\n}", JsonText.prettySorted(ordered("b", 2, "a", 1)));
    }
}
