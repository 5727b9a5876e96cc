package io.lvsplay.agent.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlReaderTest {

    @Test
    void readsNestedBlocksSequencesAndFlowValues() throws Exception {
        YamlNode root = YamlReader.parse("y", """
                a: 1
                b:
                  c: "x # not a comment"
                  d: [1, 'two', {e: f}]
                list:
                - one
                - k: v
                  k2: v2
                """);
        var m = ((YamlNode.Mapping) root).entries();
        assertEquals("1", ((YamlNode.Scalar) m.get("a")).value());
        var b = ((YamlNode.Mapping) m.get("b")).entries();
        assertEquals("x # not a comment", ((YamlNode.Scalar) b.get("c")).value());
        var d = ((YamlNode.Sequence) b.get("d")).items();
        assertEquals("two", ((YamlNode.Scalar) d.get(1)).value());
        assertEquals("f", ((YamlNode.Scalar) ((YamlNode.Mapping) d.get(2)).entries().get("e")).value());
        var list = ((YamlNode.Sequence) m.get("list")).items();
        assertEquals(2, list.size());
        var item = ((YamlNode.Mapping) list.get(1)).entries();
        assertEquals("v2", ((YamlNode.Scalar) item.get("k2")).value());
        assertEquals(8, item.get("k2").line());
    }

    @Test
    void rejectsDuplicateKeys() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> YamlReader.parse("y", "a: 1\na: 2\n"));
        assertTrue(e.getMessage().startsWith("y:2: duplicate key 'a'"), e.getMessage());
    }

    @Test
    void rejectsUnterminatedFlowMapping() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> YamlReader.parse("y", "a: {b: 1\n"));
        assertTrue(e.getMessage().startsWith("y:2: YAML syntax: expected ',' or '}', but got <stream end>"), e.getMessage());
    }

    @Test
    void refusesGlobalTagsWithTheLine() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> YamlReader.parse("y", "a: 1\nb: !!javax.script.ScriptEngineManager [x]\n"));
        assertTrue(e.getMessage().startsWith("y:2: YAML syntax: Global tag is not allowed"), e.getMessage());
    }
}
