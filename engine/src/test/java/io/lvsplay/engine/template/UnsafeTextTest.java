package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An !unsafe value (UnsafeText) is never templated, wherever it travels; otherwise it is its text. */
class UnsafeTextTest {
  private static final Templar TEMPLAR = new Templar();
  private static final Object RAW = UnsafeText.of("{{ x }}");
  private static final Map<String, Object> VARS = Map.of("x", 1, "raw", RAW, "items", List.of(RAW, "{{ x }}"));

  @Test
  void anUnsafeArgumentStaysLiteral() {
    assertEquals("{msg={{ x }}}", TEMPLAR.template(Map.of("msg", RAW), VARS, "t").toString());
    assertInstanceOf(UnsafeText.class, ((Map<?, ?>) TEMPLAR.template(Map.of("msg", RAW), VARS, "t")).get("msg"));
  }

  @Test
  void aVariableHoldingUnsafeTextIsNotTemplatedWhenRead() {
    assertEquals("{{ x }}", TEMPLAR.render("{{ raw }}", VARS, "t"));
    assertEquals("a {{ x }} b", TEMPLAR.render("a {{ raw }} b", VARS, "t"));
  }

  @Test
  void aSingleExpressionKeepsItUnsafeSoASetFactCopyStaysLiteral() {
    Object copied = TEMPLAR.template("{{ raw }}", VARS, "t");
    assertInstanceOf(UnsafeText.class, copied);
    assertEquals("{{ x }}", TEMPLAR.render("{{ fact }}", Map.of("x", 1, "fact", copied), "t"));
  }

  @Test
  void textMadeFromAnUnsafeValueIsUnsafeToo() {
    Object made = TEMPLAR.template("pre {{ raw }}", VARS, "t");
    assertInstanceOf(UnsafeText.class, made);
    assertEquals("pre {{ x }}", TEMPLAR.render("{{ fact }}", Map.of("x", 1, "fact", made), "t"));
    assertEquals(String.class, TEMPLAR.template("pre {{ x }}", VARS, "t").getClass());
  }

  @Test
  void insideAListOnlyTheUnsafeItemStaysLiteral() {
    assertEquals("[1, '{{ x }}']", TEMPLAR.render("{{ [x, raw] }}", VARS, "t"));
    assertEquals("{{ x }},1,", TEMPLAR.render("{% for i in items %}{{ i }},{% endfor %}", VARS, "t"));
  }

  @Test
  void stringTestsFiltersAndEqualityTreatItAsItsText() {
    assertEquals("True", TEMPLAR.render("{{ raw is string }}", VARS, "t"));
    assertEquals("True", TEMPLAR.render("{{ raw == '{{ x }}' }}", VARS, "t"));
    assertEquals("{{ X }}", TEMPLAR.render("{{ raw | upper }}", VARS, "t"));
    assertEquals("7", TEMPLAR.render("{{ raw | length }}", VARS, "t"));
    assertEquals("['{{', 'x', '}}']", TEMPLAR.render("{{ raw.split() }}", VARS, "t"));
    assertEquals("{\"a\": \"{{ x }}\"}", TEMPLAR.render("{{ {'a': raw} | to_json }}", VARS, "t"));
  }

  @Test
  void textWithoutJinjaNeedNotBeMarked() {
    assertEquals("plain", UnsafeText.of("plain"));
    assertEquals(UnsafeText.of("{{ a }}"), "{{ a }}");
  }
}
