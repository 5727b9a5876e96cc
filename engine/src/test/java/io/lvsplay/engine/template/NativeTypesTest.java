package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeTypesTest {
  private static final Templar TEMPLAR = new Templar();
  private static final Map<String, Object> VARS = Map.of(
      "settings", Map.of("port", 80), "enabled", true, "name", "web");

  private static Object template(Object value) {
    return TEMPLAR.template(value, VARS, "task.yml");
  }

  @Test
  void listExpressionYieldsList() {
    assertEquals(List.of(1L, 2L), template("{{ [1, 2] }}"));
  }

  @Test
  void textThatLooksLikeAListBecomesOneDespiteTrailingNewlinesAndLineBreaks() {
    // a YAML folded scalar (">") ends in a newline; Python's literal_eval accepts it
    assertEquals(List.of("a", "web"), template("{{ ['a'] + [name] }}\n"));
    assertEquals(List.of(1, 2), template("[{{ 1 }},\n {{ 2 }}] # two\n"));
    assertEquals("[1]\n[2]", template("[{{ 1 }}]\n[2]"));
  }

  @Test
  void numberExpressionYieldsNumber() {
    assertEquals(3L, template("{{ 3 }}"));
  }

  @Test
  void mapVariableYieldsMap() {
    assertEquals(Map.of("port", 80), template("{{ settings }}"));
  }

  @Test
  void boolVariableYieldsBool() {
    assertEquals(true, template("{{ enabled }}"));
  }

  @Test
  void textAroundExpressionYieldsString() {
    assertEquals("a1", template("a{{ 1 }}"));
  }

  @Test
  void twoExpressionsYieldString() {
    assertEquals("web True", template("{{ name }} {{ enabled }}"));
  }

  @Test
  void stringsInsideMapsAndListsAreTemplated() {
    Object result = template(Map.of("args", List.of("{{ name }}", "{{ settings.port }}")));
    assertEquals(Map.of("args", List.of("web", 80)), result);
  }

  @Test
  void untemplatedValueIsReturnedAsIs() {
    List<Object> value = List.of("plain", 1);
    assertSame(value, template(value));
  }

  @Test
  void isTemplatedFindsJinjaNestedDeep() {
    assertTrue(Templar.isTemplated(Map.of("a", List.of("x", "{% if y %}"))));
  }

  @Test
  void isTemplatedIgnoresSingleBraces() {
    assertFalse(Templar.isTemplated(Map.of("a", List.of("x { y }"))));
  }
}
