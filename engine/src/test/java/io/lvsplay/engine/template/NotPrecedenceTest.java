package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jinja2's precedence of not over filters: not x | bool is not (x | bool), as ansible-playbook renders it. */
class NotPrecedenceTest {
  private final Templar templar = new Templar();
  private final Map<String, Object> vars = Map.of("nested", "no", "items", java.util.List.of(1, 2), "empty", "");

  private String render(String text) {
    return String.valueOf(templar.template("<" + text + ">", vars, "test"));
  }

  @Test
  void notAppliesAfterTheFilters() {
    assertEquals("<True True True>", render("{{ not nested|bool }} {{ not 'no'|bool }} {{ not (nested|bool) }}"));
    assertEquals("<False>", render("{{ not items | length > 1 }}"));
    assertEquals("<True>", render("{{ not empty | default('', true) | length }}"));
    assertEquals("<True>", render("{{ not nested | ansible.builtin.bool }}"));
    assertEquals("<False>", render("{{ not items|map('string')|list|length }}"));
  }

  @Test
  void otherFormsAreUnchanged() {
    assertEquals("<True>", render("{{ 3 not in items }}"));
    assertEquals("<False>", render("{{ not nested }}"));
    assertEquals("<True>", render("{{ not nested|bool is sameas true }}"));
    assertEquals("<True>", render("{{ nested is not defined or not nested|bool }}"));
    assertEquals("<False>", render("{{ not 2 in items }}"));
    assertEquals("<yes>", render("{{ 'yes' if not nested|bool else 'no' }}"));
    assertEquals("<[False, True]>", render("{{ [not items|length, not nested|bool] }}"));
    assertEquals("<x>", render("{% if not nested|bool and not items|length > 2 %}x{% endif %}"));
  }
}
