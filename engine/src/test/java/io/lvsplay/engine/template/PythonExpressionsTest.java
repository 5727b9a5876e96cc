package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python's expression grammar and operators where they differ from jinjava's EL; expected values are Jinja2's. */
class PythonExpressionsTest {
  private static final Templar TEMPLAR = new Templar();
  private static final Map<String, Object> VARS = Map.of(
      "words", List.of("alpha", "beta", "gamma"),
      "servers", List.of(Map.of("name", "a"), Map.of("name", "b")),
      "item", List.of(2, 3),
      "foo", Map.of("null", "n", "true", "t", "not", "x"),
      "name", "lvsplay",
      "port", 8080,
      "port_s", "8080",
      "ip", "10.0.0.1");

  private static String render(String template) {
    return TEMPLAR.render(template, VARS, "t.j2");
  }

  private static Object value(String template) {
    return TEMPLAR.template(template, VARS, "task");
  }

  @Test
  void digitsAfterADotIndexTheSequence() {
    assertEquals("alpha|b|5", render("{{ words.0 }}|{{ servers.1.name }}|{{ item.0 + item.1 }}"));
  }

  @Test
  void keywordsAfterADotAreAttributeNames() {
    assertEquals("n t x", render("{{ foo.null }} {{ foo.true }} {{ foo.not }}"));
  }

  @Test
  void subscriptsTakePythonSlices() {
    assertEquals("yalpsvl|['alpha', 'gamma']|lvs|play|['gamma']|y",
        render("{{ name[::-1] }}|{{ words[::2] }}|{{ name[:3] }}|{{ name[3:] }}|{{ words[-1:] }}|{{ name[-1] }}"));
  }

  @Test
  void textIndexingGivesACharacter() {
    assertEquals("l s", render("{{ name[0] }} {{ name[2] }}"));
  }

  @Test
  void multiplyingTextOrAListRepeatsIt() {
    assertEquals("xxx|----|['a', 'a']|6", render("{{ 'x' * 3 }}|{{ 2 * '--' }}|{{ ['a'] * 2 }}|{{ 2 * 3 }}"));
  }

  @Test
  void percentFormatsLikePython() {
    assertEquals("10.0.0.1:8080|08080|0.50|lvsplay   ||ff|1 and 2|'lvsplay'|%x|[2, 3]",
        render("{{ '%s:%d' % (ip, port) }}|{{ '%05d' % port }}|{{ '%.2f' % 0.5 }}|{{ '%-10s|' % name }}"
            + "|{{ '%x' % 255 }}|{{ '%(a)s and %(b)s' % {'a': 1, 'b': 2} }}|{{ '%r' % name }}"
            + "|{{ '%%x' % () }}|{{ '%s' % item }}"));
  }

  @Test
  void percentWithTooFewArgumentsFails() {
    assertThrows(RuntimeException.class, () -> render("{{ '%s %s' % ('a',) }}"));
  }

  @Test
  void tuplesStayTuples() {
    assertEquals("(1, 2, 3)|(1,)|()", render("{{ (1, 2, 3) }}|{{ (1,) }}|{{ () }}"));
    assertEquals(PythonTuple.of(1L, 2L), value("{{ (1, 2) }}"));
  }

  @Test
  void andOrReturnAnOperand() {
    assertEquals("8080|fallback|", render("{{ name and port }}|{{ '' or 'fallback' }}|{{ '' and port }}"));
  }

  @Test
  void equalityNeverConverts() {
    assertEquals("False True True True False", render(
        "{{ port_s == port }} {{ port == 8080.0 }} {{ true == 1 }} {{ port_s != port }} {{ [1] == (1,) }}"));
  }

  @Test
  void keywordNamedAttributesWorkWithTests() {
    Map<String, Object> json = new java.util.HashMap<>();
    json.put("null", null);
    json.put("true", true);
    json.put("false", false);
    assertEquals("True True True",
        TEMPLAR.render("{{ d.null is none }} {{ d.true is true }} {{ d.false is false }}", Map.of("d", json), "t.j2"));
  }

  @Test
  void javaElWordOperatorsArePlainNames() {
    assertEquals("1 lt", TEMPLAR.render("{{ empty | default(1) }} {{ 'lt' }}", Map.of(), "t.j2"));
  }

  @Test
  void filtersBindTighterThanArithmetic() {
    assertEquals("6", render("{{ [1, 2, 3] | sum * 1 }}"));
  }
}
