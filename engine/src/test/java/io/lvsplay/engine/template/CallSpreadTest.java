package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code *args} and {@code **kwargs} in calls, as ansible-playbook 2.14 renders them. */
class CallSpreadTest {
  private static final Templar TEMPLAR = new Templar();
  private static final Map<String, Object> VARS =
      Map.of("phrases", List.of("Hello World", "Olá Mundo"), "options", Map.of("a", 1), "five", 5);

  private static String render(String template) {
    return TEMPLAR.render(template, VARS, "t.j2");
  }

  @Test
  void starSpreadsAListIntoPositionalArguments() {
    assertEquals("['Hello World', 'Olá Mundo']", render("{{ q('list', *phrases) }}"));
    assertEquals("['x', 'y', 'z']", render("{{ q('list', 'x', *'yz') }}"));
  }

  @Test
  void keywordArgumentsMayBeWrittenBeforeTheStar() {
    assertEquals("['Hello World', 'Olá Mundo']", render("{{ lookup('list', wantlist=True, *phrases) }}"));
    assertEquals("Hello World,Olá Mundo", render("{{ lookup('list', *phrases) }}"));
  }

  @Test
  void doubleStarSpreadsAMappingIntoKeywordArguments() {
    assertEquals("{'b': 2, 'a': 1}", render("{{ dict(b=2, **options) }}"));
  }

  @Test
  void starOnANonIterableFailsAsPythonDoes() {
    TemplateError error = assertThrows(TemplateError.class, () -> render("{{ q('list', *five) }}"));
    assertTrue(error.detail().contains("Value after * must be an iterable, not int"), error.detail());
  }

  @Test
  void spreadInAFilterCallIsRefused() {
    RuntimeException error = assertThrows(RuntimeException.class, () -> render("{{ phrases | join(*phrases) }}"));
    assertTrue(error.getMessage().contains("lvsplay does not support *args or **kwargs in a filter"), error.getMessage());
  }

  @Test
  void macroCallsSpreadToo() {
    assertEquals("Hello World-Olá Mundo", render("{% macro m(a, b) %}{{ a }}-{{ b }}{% endmacro %}{{ m(*phrases) }}"));
  }
}
