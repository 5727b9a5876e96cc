package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python's str methods called on strings in templates; expected values are CPython's. */
class PythonStringMethodsTest {
  private static final Templar TEMPLAR = new Templar();
  private static final Map<String, Object> VARS =
      Map.of("ip", "10.1.2.3", "names", List.of("a", "b"), "spaced", "  a b\tc  ");

  private static String render(String template) {
    return TEMPLAR.render(template, VARS, "t.j2");
  }

  @Test
  void splitTakesALiteralSeparatorNotARegex() {
    assertEquals("['10', '1', '2', '3']", render("{{ ip.split('.') }}"));
    assertEquals("['a', '', 'b', '']", render("{{ 'a||b|'.split('|') }}"));
  }

  @Test
  void splitReturnsAListThatWorksWithListOperations() {
    assertEquals("['10', '1', '2', '3', '']", render("{{ ip.split('.') + [''] }}"));
    assertEquals("4 1 10-1-2-3 11", render(
        "{{ ip.split('.') | length }} {{ ip.split('.')[1] }} {{ ip.split('.') | join('-') }} {{ ip.split('.')[0] | int + 1 }}"));
    Object value = TEMPLAR.template("{{ ip.split('.') }}", VARS, "t");
    assertInstanceOf(List.class, value);
    assertEquals(List.of("10", "1", "2", "3"), value);
  }

  @Test
  void splitWithoutArgumentSplitsOnWhitespaceRuns() {
    assertEquals("['a', 'b', 'c'] []", render("{{ spaced.split() }} {{ ''.split() }}"));
  }

  @Test
  void splitWithMaxsplit() {
    assertEquals("['a', 'b,c'] ['a b', 'c'] ['a', 'b  c ']", render(
        "{{ 'a,b,c'.split(',', 1) }} {{ 'a b c'.rsplit(' ', 1) }} {{ ' a b  c '.split(None, 1) }}"));
  }

  @Test
  void startswithAndEndswith() {
    assertEquals("True True False True True", render(
        "{{ ip.startswith('10.') }} {{ ip.endswith('.3') }} {{ ip.startswith('1.') }}"
            + " {{ ip.endswith(('x', '3')) }} {{ 'hello'.startswith('ell', 1) }}"));
  }

  @Test
  void replaceIsLiteralWithOptionalCount() {
    assertEquals("10-1-2-3 10-1.2.3 a$b", render(
        "{{ ip.replace('.', '-') }} {{ ip.replace('.', '-', 1) }} {{ 'a.b'.replace('.', '$') }}"));
  }

  @Test
  void stripFamilyWithAndWithoutChars() {
    assertEquals("[a b\tc] [a b\tc  ] [  a b\tc] [c] [xa]", render(
        "[{{ spaced.strip() }}] [{{ spaced.lstrip() }}] [{{ spaced.rstrip() }}]"
            + " [{{ 'abcba'.strip('ab') }}] [{{ 'xax'.rstrip('x') }}]"));
  }

  @Test
  void lowerUpperAndCase() {
    assertEquals("abc ABC Hello World Abc", render(
        "{{ 'AbC'.lower() }} {{ 'AbC'.upper() }} {{ 'hello world'.title() }} {{ 'aBC'.capitalize() }}"));
  }

  @Test
  void formatLikePython() {
    assertEquals("a-b", render("{{ '{}-{}'.format('a', 'b') }}"));
    assertEquals("b a b", render("{{ '{1} {0} {1}'.format('a', 'b') }}"));
    assertEquals("web01:8080", render("{{ '{host}:{port}'.format(host='web01', port=8080) }}"));
    assertEquals("[   ab|007|3.14|ff|1,234|25.0%|{x}]", render(
        "[{{ '{:>5}|{:03d}|{:.2f}|{:x}|{:,}|{:.1%}|{{x}}'.format('ab', 7, 3.14159, 255, 1234, 0.25) }}]"));
    assertEquals("2.67 'q' None", render("{{ '{:.2f} {!r} {}'.format(2.675, 'q', none) }}"));
  }

  @Test
  void joinOnASeparator() {
    assertEquals("a,b a-b-c", render("{{ ','.join(names) }} {{ '-'.join('abc') }}"));
  }

  @Test
  void findCountAndIndex() {
    assertEquals("0 -1 5 2 2", render(
        "{{ ip.find('1') }} {{ ip.find('9') }} {{ ip.rfind('2') }} {{ ip.count('1') }} {{ 'hello'.index('l') }}"));
  }

  @Test
  void isdigitAndFriends() {
    assertEquals("True False False True True True", render(
        "{{ '42'.isdigit() }} {{ ''.isdigit() }} {{ '4a'.isdigit() }} {{ 'ab'.isalpha() }}"
            + " {{ ' '.isspace() }} {{ 'ab1'.islower() }}"));
  }

  @Test
  void splitlinesOnAnyLineBoundary() {
    assertEquals("['a', 'b', 'c'] ['a\\n', 'b']", render("{{ 'a\\nb\\r\\nc\\n'.splitlines() }} {{ 'a\\nb'.splitlines(true) }}"));
  }

  @Test
  void paddingAndPartition() {
    assertEquals("00042 a** **ab* ['k', '=', 'v=w']", render(
        "{{ '42'.zfill(5) }} {{ 'a'.ljust(3, '*') }} {{ 'ab'.center(5, '*') }} {{ 'k=v=w'.partition('=') }}"));
  }

  @Test
  void methodsWorkOnExpressionResults() {
    assertEquals("XY A", render("{{ ('x' ~ 'y').upper() }} {{ names[0].upper() }}"));
  }

  @Test
  void wrongArgumentTypeFailsLikePython() {
    TemplateError error = assertThrows(TemplateError.class, () -> render("{{ ','.join([1, 2]) }}"));
    assertEquals("sequence item 0: expected str instance, int found", error.detail());
  }
}
