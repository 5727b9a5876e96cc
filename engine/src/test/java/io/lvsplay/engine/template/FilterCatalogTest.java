package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every filter and test of Ansible 2.14 (ansible.builtin and Jinja2 3.1's builtins, plus the
 * collection ones in the catalog) is either implemented or refused by name, at load time and at
 * render time; none renders as nothing.
 */
class FilterCatalogTest {
  private static final Templar TEMPLAR = new Templar();

  @Test
  void everyAnsibleFilterIsImplementedOrRefusedByName() {
    List<String> implemented = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String name : Jinja2Catalog.ansibleFilters()) {
      String template = "{{ x | " + name + " }}";
      try {
        TEMPLAR.checkSyntax(template, "t.j2");
        implemented.add(name);
      } catch (TemplateError e) {
        assertEquals("t.j2:1: lvsplay does not support filter '" + name + "' yet", e.getMessage());
        TemplateError atRender = assertThrows(TemplateError.class, () -> TEMPLAR.render(template, Map.of("x", "a"), "t.j2"));
        assertEquals("lvsplay does not support filter '" + name + "' yet", atRender.detail());
        refused.add(name);
      }
    }
    System.out.println("filters implemented (" + implemented.size() + "): " + implemented);
    System.out.println("filters refused (" + refused.size() + "): " + refused);
    assertTrue(implemented.containsAll(List.of("comment", "path_join", "splitext", "indent", "human_readable",
        "human_to_bytes", "subelements", "extract", "combine", "ipaddr", "to_nice_yaml", "regex_replace")));
  }

  @Test
  void everyAnsibleTestIsImplementedOrRefusedByName() {
    List<String> implemented = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String name : new TreeSet<>(Jinja2Catalog.ansibleTests())) {
      if (!name.matches("\\w+")) {
        continue; // "==", "<", ...: only reachable through select('==', x)
      }
      try {
        TEMPLAR.checkSyntax("{{ x is " + name + " }}", "t.j2");
        implemented.add(name);
      } catch (TemplateError e) {
        assertEquals("t.j2:1: lvsplay does not support test '" + name + "' yet", e.getMessage());
        refused.add(name);
      }
    }
    System.out.println("tests implemented (" + implemented.size() + "): " + implemented);
    System.out.println("tests refused (" + refused.size() + "): " + refused);
    assertTrue(implemented.containsAll(List.of("defined", "version", "match", "failed", "success")));
  }

  @Test
  void aFilterAnsibleDoesNotHaveEitherGetsAnsiblesMessage() {
    TemplateError e = assertThrows(TemplateError.class, () -> TEMPLAR.checkSyntax("a\n{{ x | frobnicate }}", "t.j2"));
    assertEquals("t.j2:2: template error: no filter named 'frobnicate'", e.getMessage());
  }

  @Test
  void jinjavaExtrasThatAnsibleLacksAreRefused() {
    assertThrows(TemplateError.class, () -> TEMPLAR.render("{{ 'a b' | cut(' ') }}", Map.of(), "t.j2"));
    assertThrows(TemplateError.class, () -> TEMPLAR.render("{{ 3 is divisible_by 3 }}", Map.of(), "t.j2"));
  }

  @Test
  void unknownFiltersAreFoundInTagsStringsAndByName() {
    for (String template : List.of("{% set y = x | nope %}", "{% filter nope %}a{% endfilter %}",
        "{{ l | map('nope') | list }}", "{{ l | select('nope') | list }}", "{{ l | selectattr('a', 'nope') }}",
        "{% if x is not nope %}{% endif %}", "{{ x | ansible.builtin.nope }}")) {
      assertThrows(TemplateError.class, () -> TEMPLAR.checkSyntax(template, "t.j2"), template);
    }
  }

  @Test
  void filterNamesInsideStringsAreText() {
    TEMPLAR.checkSyntax("{{ 'a | nope' }} {{ \"x is nope\" }} {# | nope #} {% raw %}{{ x | nope }}{% endraw %}", "t.j2");
  }

  @Test
  void unclosedDelimitersAreSyntaxErrors() {
    assertThrows(TemplateError.class, () -> TEMPLAR.render("a {{ name", Map.of("name", "x"), "t.j2"));
    assertThrows(TemplateError.class, () -> TEMPLAR.template("{{ name }", Map.of("name", "x"), "t"));
    assertThrows(TemplateError.class, () -> TEMPLAR.checkSyntax("{% endif %}", "t.j2"));
    assertEquals("{x}", TEMPLAR.render("{{ '{x}' }}", Map.of(), "t.j2"));
  }
}
