package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictUndefinedTest {
  private static final Templar TEMPLAR = new Templar();
  private static final Map<String, Object> VARS = Map.of("d", Map.of("present", 1));

  private static String render(String template) {
    return TEMPLAR.render(template, VARS, "templates/keepalived.conf.j2");
  }

  private static TemplateError failure(String template) {
    return assertThrows(TemplateError.class, () -> render(template));
  }

  @Test
  void undefinedVariableFailsNamingSourceAndLine() {
    TemplateError error = failure("global_defs {\n  router_id x\n  auth_pass {{ auth_pass }}\n}\n");
    assertEquals("templates/keepalived.conf.j2:3: 'auth_pass' is undefined", error.getMessage());
    assertEquals("templates/keepalived.conf.j2", error.source());
    assertEquals(3, error.line());
  }

  @Test
  void missingDictKeyFails() {
    assertEquals("'dict object' has no attribute 'missing'", failure("{{ {'a': 1}.missing }}").detail());
  }

  @Test
  void missingKeyOfAVariableNamesTheVariable() {
    assertEquals("'d' has no attribute 'missing'", failure("{{ d.missing }}").detail());
  }

  @Test
  void attributeOfUndefinedFailsAsTheUndefinedVariable() {
    assertEquals("'missing' is undefined", failure("{{ missing.attr }}").detail());
  }

  @Test
  void defaultReplacesUndefinedVariable() {
    assertEquals("x", render("{{ missing | default('x') }}"));
  }

  @Test
  void defaultReplacesMissingDictKey() {
    assertEquals("1", render("{{ d.missing | default(1) }}"));
  }

  @Test
  void defaultReplacesAttributeOfUndefined() {
    assertEquals("2", render("{{ missing.attr | default(2) }}"));
  }

  @Test
  void defaultKeepsDefinedValue() {
    assertEquals("1", render("{{ d.present | d(5) }}"));
  }

  @Test
  void isDefinedWorksOnUndefinedVariable() {
    assertEquals("no", render("{% if missing is defined %}yes{% else %}no{% endif %}"));
  }

  @Test
  void isUndefinedWorksOnMissingKey() {
    assertEquals("True", render("{{ d.missing is undefined }}"));
  }

  @Test
  void variableSetToNoneIsDefined() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("blank", null);
    assertEquals("True", TEMPLAR.render("{{ blank is defined }}", vars, "t"));
  }

  @Test
  void definedGuardShortCircuitsAttributeAccess() {
    assertEquals("no", render("{% if missing is defined and missing.y > 1 %}yes{% else %}no{% endif %}"));
  }

  @Test
  void undefinedInIfConditionFails() {
    assertEquals("'missing' is undefined", failure("{% if missing %}x{% endif %}").detail());
  }

  @Test
  void undefinedInBooleanOperatorFails() {
    assertEquals("'missing' is undefined", failure("{{ missing and true }}").detail());
  }

  @Test
  void undefinedPassedToFilterFails() {
    assertEquals("'missing' is undefined", failure("{{ missing | upper }}").detail());
  }

  @Test
  void undefinedInConcatenationFails() {
    assertEquals("'missing' is undefined", failure("{{ 'a' ~ missing }}").detail());
  }

  @Test
  void undefinedInComparisonFails() {
    assertEquals("'missing' is undefined", failure("{{ missing == 1 }}").detail());
  }

  @Test
  void loopOverUndefinedFails() {
    assertEquals("'missing' is undefined", failure("{% for x in missing %}{{ x }}{% endfor %}").detail());
  }

  @Test
  void mandatoryFailsWithAnsibleMessage() {
    assertEquals("Mandatory variable 'missing' not defined.", failure("{{ missing | mandatory }}").detail());
  }

  @Test
  void syntaxErrorIsReportedWithLine() {
    assertEquals(2, failure("ok\n{{ 1 + }}").line());
  }
}
