package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every boolean context uses Python's bool(): only "" is a false string, so "false", "no" and "0"
 * are true. Expected values were computed with python3-jinja2 (Environment().from_string().render()).
 */
class PythonTruthinessTest {
  private static final Templar TEMPLAR = new Templar();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
      "{{ not 'false' }} => False",
      "{{ not 'FALSE' }} => False",
      "{{ 'false' and true }} => True",
      "{{ 'no' or false }} => no",
      "{{ 'x' if 'false' else 'y' }} => x",
      "{{ 'x' if 'False' else 'y' }} => x",
      "{% if 'false' %}a{% else %}b{% endif %} => a",
      "{% if '0' %}a{% else %}b{% endif %} => a",
      "{% if 0 %}a{% else %}b{% endif %} => b",
      "{% if [] %}a{% else %}b{% endif %} => b",
      "{% if {} %}a{% else %}b{% endif %} => b",
      "{% if none %}a{% else %}b{% endif %} => b",
      "{% if 0.0 %}a{% else %}b{% endif %} => b",
      "{% if 'no' %}a{% elif 'false' %}b{% endif %} => a",
      "{% if '' %}a{% elif 'false' %}b{% endif %} => b",
      "{{ ['false', '', 0, 'no'] | select | list }} => ['false', 'no']",
      "{{ ['false', '', 0, 'no'] | reject | list }} => ['', 0]",
  })
  void rendersLikeJinja2(String template, String expected) {
    assertEquals(expected, TEMPLAR.render(template, Map.of(), "t.j2"));
  }
}
