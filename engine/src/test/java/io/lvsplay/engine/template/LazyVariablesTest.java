package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LazyVariablesTest {
  private static final Templar TEMPLAR = new Templar();

  @Test
  void variableValueContainingJinjaIsTemplatedOnAccess() {
    Map<String, Object> vars = Map.of("vip", "10.0.0.1", "vip_cidr", "{{ vip }}/32");
    assertEquals("10.0.0.1/32", TEMPLAR.render("{{ vip_cidr }}", vars, "t"));
  }

  @Test
  void templatingIsRecursive() {
    Map<String, Object> vars = Map.of("a", "{{ b }}-a", "b", "{{ c }}-b", "c", "c");
    assertEquals("c-b-a", TEMPLAR.render("{{ a }}", vars, "t"));
  }

  @Test
  void valuesNestedInHostvarsAreTemplated() {
    Map<String, Object> vars = Map.of(
        "default_port", 8080,
        "hostvars", Map.of("rs1", Map.of("rs_port", "{{ default_port }}")));
    assertEquals("8081", TEMPLAR.render("{{ hostvars['rs1'].rs_port + 1 }}", vars, "t"));
  }

  @Test
  void listItemsAreTemplatedWhenIterated() {
    Map<String, Object> vars = Map.of("port", 80, "ports", List.of("{{ port }}", 443));
    assertEquals("80,443,", TEMPLAR.render("{% for p in ports %}{{ p }},{% endfor %}", vars, "t"));
  }

  @Test
  void singleExpressionValueKeepsItsType() {
    Map<String, Object> vars = Map.of("ports", "{{ [80, 443] }}");
    assertEquals("2", TEMPLAR.render("{{ ports | length }}", vars, "t"));
  }

  @Test
  void unreadVariablesAreNeverTemplated() {
    Map<String, Object> vars = Map.of("broken", "{{ nowhere }}", "fine", 1);
    assertEquals("1", TEMPLAR.render("{{ fine }}", vars, "t"));
  }

  @Test
  void cycleIsDetected() {
    Map<String, Object> vars = Map.of("a", "{{ b }}", "b", "{{ a }}");
    TemplateError error = assertThrows(TemplateError.class, () -> TEMPLAR.render("{{ a }}", vars, "t"));
    assertEquals("recursive loop detected in template string: a", error.detail());
  }

  @Test
  void undefinedInsideVariableValueFails() {
    Map<String, Object> vars = Map.of("vip_cidr", "{{ vip }}/32");
    TemplateError error = assertThrows(TemplateError.class, () -> TEMPLAR.render("x\n{{ vip_cidr }}", vars, "t.j2"));
    assertEquals("t.j2:2: 'vip' is undefined", error.getMessage());
  }

  @Test
  void sameVariableMayBeReadTwiceInOneExpression() {
    Map<String, Object> vars = Map.of("x", "{{ 1 }}");
    assertEquals("2", TEMPLAR.render("{{ x + x }}", vars, "t"));
  }
}
