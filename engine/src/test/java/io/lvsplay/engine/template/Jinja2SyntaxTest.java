package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jinja2 syntax and semantics that jinjava reads differently; expected values are Jinja2's. */
class Jinja2SyntaxTest {
  private static final Templar TEMPLAR = new Templar();
  private static final Map<String, Object> VARS = Map.of("names", List.of("a", "b", "c"), "text", "x");

  private static String render(String template) {
    return TEMPLAR.render(template, VARS, "t.j2");
  }

  // string literals

  @Test
  void unknownEscapesKeepTheirBackslash() {
    assertEquals("3 \\S+ \\(x\\)", render("{{ '\\S+' | length }} {{ '\\S+' }} {{ '\\(x\\)' }}"));
  }

  @Test
  void regexFiltersAcceptSingleBackslashPatterns() {
    assertEquals("word|ayb|['1', '22']", render(
        "{{ ' word ' | regex_search('\\S+') }}|{{ 'a(x)b' | regex_replace('\\(x\\)', 'y') }}"
            + "|{{ 'a1b22' | regex_findall('\\d+') }}"));
  }

  @Test
  void pythonEscapesAreDecoded() {
    assertEquals("a\tb|a\\b|it's|q\"q|Aé A|a\nb", render(
        "{{ 'a\\tb' }}|{{ 'a\\\\b' }}|{{ \"it\\'s\" }}|{{ 'q\\\"q' }}|{{ '\\x41\\u00e9 \\101' }}|{{ 'a\\nb' }}"));
  }

  @Test
  void escapesWorkInConditionsAndTags() {
    assertTrue(TEMPLAR.evaluateCondition("'a1' is match('\\w\\d')", VARS, "when"));
    assertEquals("\\d", render("{% set p = '\\d' %}{{ p }}"));
  }

  // comments

  @Test
  void commentLineIsRemovedWithItsNewline() {
    // Ansible's trim_blocks=True applies to comments too
    assertEquals("a\nb\n", render("a\n{# note #}\nb\n"));
    assertEquals("a\n  b\n", render("a\n  {# note #}\nb\n"));
  }

  @Test
  void commentDashesStripWhitespace() {
    assertEquals("ab", render("a\n{#- note -#}\n  b"));
    assertEquals("ab", render("a {#- note #}\nb"));
    assertEquals("x   \ny", render("x\n{#- note #}   \ny"));
  }

  @Test
  void multilineCommentKeepsLineNumbers() {
    TemplateError error = assertThrows(TemplateError.class,
        () -> render("{#- a\nb -#}\n\n{{ missing }}"));
    assertEquals(4, error.line());
  }

  // tests after filters, and precedence of not

  @Test
  void testAppliesToTheFilteredValue() {
    assertEquals("True True", render("{{ names | length is number }} {{ names | map('upper') | list is sequence }}"));
    assertTrue(TEMPLAR.evaluateCondition("names | length is divisibleby 3", VARS, "when"));
    assertTrue(TEMPLAR.evaluateCondition("text | default('') is not none and names is iterable", VARS, "when"));
  }

  @Test
  void notAppliesToTheWholeTest() {
    assertTrue(TEMPLAR.evaluateCondition("not missing is defined", VARS, "when"));
    assertFalse(TEMPLAR.evaluateCondition("not names is sequence", VARS, "when"));
    assertEquals("yes", render("{% if not missing is defined %}yes{% endif %}"));
  }

  @Test
  void testsInsideInlineIfAndArguments() {
    assertEquals("str", render("{{ 'str' if names[0] is string else 'other' }}"));
    assertEquals("['a', 'b', 'c']", render("{{ names | select('string') | list }}"));
  }

  // loops, namespace, dict

  @Test
  void loopCountersLikeJinja2() {
    assertEquals("0:3:2:3 1:2:1:3 2:1:0:3 ", render(
        "{% for n in names %}{{ loop.index0 }}:{{ loop.revindex }}:{{ loop.revindex0 }}:{{ loop.length }} {% endfor %}"));
  }

  @Test
  void loopPreviousAndNextItem() {
    assertEquals("-/b a/c b/- ", render(
        "{% for n in names %}{{ loop.previtem | default('-') }}/{{ loop.nextitem | default('-') }} {% endfor %}"));
  }

  @Test
  void loopPreviousItemIsUndefinedOnTheFirstIteration() {
    TemplateError error = assertThrows(TemplateError.class,
        () -> render("{% for n in names %}{{ loop.previtem }}{% endfor %}"));
    assertEquals("there is no previous item", error.detail());
  }

  @Test
  void nestedLoopsKeepTheirOwnItems() {
    assertEquals("a:-1 a:12 b:-1 b:12 ", render(
        "{% for o in ['a', 'b'] %}{% for i in [1, 2] %}{{ o }}:{{ loop.previtem | default('-') }}{{ i }} {% endfor %}{% endfor %}"));
  }

  @Test
  void loopOverDictIteratesKeysWithLength() {
    assertEquals("k:1 ", render("{% for k in {'k': 'v'} %}{{ k }}:{{ loop.length }} {% endfor %}"));
  }

  @Test
  void loopOverAStringIteratesItsCharacters() {
    assertEquals("a,b,", render("{% for c in 'ab' %}{{ c }},{% endfor %}"));
  }

  @Test
  void namespaceAssignmentPersistsAcrossLoop() {
    assertEquals("3", render(
        "{% set ns = namespace(x=0) %}{% for n in names %}{% set ns.x = ns.x + 1 %}{% endfor %}{{ ns.x }}"));
  }

  @Test
  void dictFunctionBuildsADict() {
    assertEquals("{'a': 1, 'b': 'x'} x {'a': 2}", render(
        "{{ dict(a=1, b='x') }} {{ dict(a=1, b='x').b }} {{ dict({'a': 1}, a=2) }}"));
  }
}
