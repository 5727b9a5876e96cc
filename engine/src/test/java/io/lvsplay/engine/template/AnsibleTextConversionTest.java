package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ansible 2.14's ansible_eval_concat: rendered text that looks like data becomes data. */
class AnsibleTextConversionTest {
  private static final Templar TEMPLAR = new Templar();

  private static Object template(String value, Map<String, Object> vars) {
    return TEMPLAR.template(value, vars, "task.yml");
  }

  @Test
  void concatenatedJsonTextBecomesADictWithJsonNames() {
    Map<String, Object> vars = Map.of("foo", "{{ \"\" }}{\"null\": null, \"true\": true, \"false\": false}");
    Object foo = template("{{ foo }}", vars);
    Map<Object, Object> expected = new HashMap<>();
    expected.put("null", null);
    expected.put("true", true);
    expected.put("false", false);
    assertEquals(expected, foo);
    assertTrue(TEMPLAR.evaluateCondition("foo.true is true", vars, "when"));
    assertTrue(TEMPLAR.evaluateCondition("foo.null is none", vars, "when"));
  }

  @Test
  void listLookingTextBecomesAList() {
    Object value = template("{{ '[1, 2]' }}", Map.of());
    assertTrue(value instanceof List<?>, String.valueOf(value));
    assertEquals("[1, 2]", value.toString());
  }

  @Test
  void trueAndFalseTextBecomeBooleans() {
    assertEquals(true, template("{{ 'Tr' ~ 'ue' }}", Map.of()));
  }

  @Test
  void textThatIsNotALiteralStaysText() {
    assertEquals("[not a list", template("{{ '[not a list' }}", Map.of()));
  }

  @Test
  void stringTypeFiltersKeepText() {
    assertEquals("{\"a\": 1}", template("{{ {'a': 1} | to_json }}", Map.of()));
    assertEquals("True", template("{{ true | string }}", Map.of()));
  }

  @Test
  void noneRendersAsEmptyTextUnlessABareVariable() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("nothing", null);
    assertEquals("", template("{{ nothing | default('x') }}", vars));
    assertEquals(null, template("{{ nothing }}", vars));
  }

  @Test
  void tupleFiltersGiveTuples() {
    assertEquals("[(1, 2), (1, 3), (2, 3)]", PythonRepr.repr(template("{{ [1, 2, 3] | combinations(2) | list }}", Map.of())));
    assertEquals("[('a', 1), ('b', None)]", PythonRepr.repr(template("{{ ['a', 'b'] | zip_longest([1]) | list }}", Map.of())));
    assertEquals("[('a', 2), ('b', 1)]", PythonRepr.repr(template("{{ {'b': 1, 'a': 2} | dictsort }}", Map.of())));
  }

  @Test
  void listIndexOutOfRangeIsUndefined() {
    Map<String, Object> vars = Map.of("mylist", List.of());
    assertFalse(TEMPLAR.evaluateCondition("mylist[0] is defined", vars, "when"));
    assertEquals(3L, template("{{ mylist[0] | default(3) }}", vars));
  }

  @Test
  void formatFilterIsPythonsPercentAndReprsUndefined() {
    assertEquals("a-3", template("{{ '%s-%d' | format('a', 3) }}", Map.of()));
    assertEquals("AnsibleUndefined(hint=None, obj=missing, name='nope')", template("{{ '%r' | format(nope) }}", Map.of()));
    assertThrows(TemplateError.class, () -> template("{{ '%s' | format(nope) }}", Map.of()));
  }

  @Test
  void invalidTestNameIsWordedAsAnsiblesPluginLoader() {
    TemplateError error = assertThrows(TemplateError.class,
        () -> template("{{ [{'failed': false}] | selectattr('failed', 'asdf ', true) | list }}", Map.of()));
    assertTrue(error.getMessage().contains(
        "TemplateSyntaxError: Could not load \"asdf \": 'invalid plugin name: ansible.builtin.asdf '"), error.getMessage());
  }

  @Test
  void toYamlSortsKeysAsPyYaml() {
    Map<String, Object> vars = new java.util.LinkedHashMap<>();
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    settings.put("b", 1);
    settings.put("a", 2);
    vars.put("settings", settings);
    assertEquals("a: 2\nb: 1\n", template("{{ settings | to_nice_yaml }}", vars));
    assertEquals("b: 1\na: 2\n", template("{{ settings | to_nice_yaml(sort_keys=false) }}", vars));
  }
}
