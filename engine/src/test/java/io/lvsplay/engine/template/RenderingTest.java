package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python and Ansible rendering semantics that templates rely on. */
class RenderingTest {
  private static final Templar TEMPLAR = new Templar();

  private static String render(String template) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("flag", true);
    vars.put("count", 3);
    vars.put("names", List.of("a", "b"));
    vars.put("ports", new LinkedHashMap<>(Map.of("http", 80)));
    vars.put("nothing", null);
    return TEMPLAR.render(template, vars, "t.j2");
  }

  @Test
  void booleansRenderLikePython() {
    assertEquals("True False", render("{{ flag }} {{ not flag }}"));
  }

  @Test
  void integersRenderWithoutDecimals() {
    assertEquals("3 3", render("{{ count }} {{ 3 }}"));
  }

  @Test
  void listsRenderLikePython() {
    assertEquals("['a', 'b']", render("{{ names }}"));
  }

  @Test
  void dictsRenderLikePythonWithNestedNone() {
    assertEquals("{'k': None, 'b': True}", render("{{ {'k': none, 'b': true} }}"));
  }

  @Test
  void noneRendersEmpty() {
    assertEquals("[]", render("[{{ nothing }}]"));
  }

  @Test
  void trimBlocksRemovesNewlineAfterTag() {
    assertEquals("a\nyes\nb\n", render("a\n{% if flag %}\nyes\n{% endif %}\nb\n"));
  }

  @Test
  void blocksAreNotLeftStripped() {
    // trim_blocks still eats the newline after endif; only the indentation before the tag stays.
    assertEquals("  x", render("  {% if flag %}x{% endif %}\n"));
  }

  @Test
  void trailingNewlineIsKept() {
    assertEquals("3\n", render("{{ count }}\n"));
  }

  @Test
  void dashesStripWhitespace() {
    assertEquals("ab", render("{%- for n in names -%}\n  {{ n }}\n{%- endfor %}\n"));
  }

  @Test
  void loopVariablesWork() {
    assertEquals("1:True:False 2:False:True ", render("{% for n in names %}{{ loop.index }}:{{ loop.first }}:{{ loop.last }} {% endfor %}"));
  }

  @Test
  void dictItemsIterateAsPairs() {
    assertEquals("http=80", render("{% for k, v in ports.items() %}{{ k }}={{ v }}{% endfor %}"));
  }

  @Test
  void iteratingADictYieldsKeys() {
    assertEquals("http", render("{% for k in ports %}{{ k }}{% endfor %}"));
  }

  @Test
  void dictGetWithDefault() {
    assertEquals("80 8", render("{{ ports.get('http', 1) }} {{ ports.get('ssh', 8) }}"));
  }

  @Test
  void dictKeysAndValues() {
    assertEquals("['http'] [80]", render("{{ ports.keys() | list }} {{ ports.values() | list }}"));
  }

  @Test
  void tildeConcatenates() {
    assertEquals("a3", render("{{ 'a' ~ count }}"));
  }

  @Test
  void listsConcatenateWithPlus() {
    assertEquals("['a', 'b', 'c']", render("{{ names + ['c'] }}"));
  }

  @Test
  void rangeProducesNumbers() {
    assertEquals("012", render("{% for i in range(3) %}{{ i }}{% endfor %}"));
  }

  @Test
  void nestedDictLiteralInsideExpression() {
    assertEquals("{'a': {'b': 1}}", render("{{ {'a': {'b': 1}} }}"));
  }

  @Test
  void fullyQualifiedFilterNames() {
    assertEquals("10.0.0.1 A", render("{{ '10.0.0.1/8' | ansible.utils.ipaddr('address') }} {{ 'a' | ansible.builtin.upper }}"));
  }

  @Test
  void rawBlocksAreNotEvaluated() {
    assertEquals("{{ x }}", render("{% raw %}{{ x }}{% endraw %}"));
  }

  @Test
  void setVariableIsVisible() {
    assertEquals("5", render("{% set x = 5 %}{{ x }}"));
  }
}
