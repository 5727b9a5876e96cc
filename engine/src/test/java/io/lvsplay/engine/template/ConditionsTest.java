package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final Templar TEMPLAR = new Templar();
  private static final Map<String, Object> VARS = Map.of(
      "y", "3", "flag", false, "items", List.of(), "text", "false", "result", Map.of("rc", 0, "changed", true));

  private static boolean condition(String expression) {
    return TEMPLAR.evaluateCondition(expression, VARS, "when");
  }

  @Test
  void bareExpressionWithDefinedTestAndFilter() {
    assertTrue(condition("x is not defined and y|int > 2"));
  }

  @Test
  void emptyListIsFalse() {
    assertFalse(condition("items"));
  }

  @Test
  void wrappedExpressionIsAccepted() {
    assertFalse(condition("{{ flag }}"));
  }

  @Test
  void wrappedStringFalseIsFalse() {
    assertFalse(condition("{{ text }}"));
  }

  @Test
  void registeredResultTests() {
    assertTrue(condition("result is changed and result is succeeded and result is not skipped"));
  }

  @Test
  void undefinedInConditionFails() {
    TemplateError error = assertThrows(TemplateError.class, () -> condition("missing > 1"));
    assertEquals("'missing' is undefined", error.detail());
  }

  @Test
  void evaluateReturnsNativeValue() {
    assertEquals(List.of(3L, 4L), TEMPLAR.evaluate("[y|int, 4]", VARS, "expr"));
  }
}
