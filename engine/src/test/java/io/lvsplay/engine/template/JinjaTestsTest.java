package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each case is one Jinja2 test ({@code x is name}) as Ansible evaluates it. */
class JinjaTestsTest {
  private static final Templar TEMPLAR = new Templar();
  private static final Map<String, Object> VARS = Map.of(
      "ok", Map.of("changed", false, "rc", 0),
      "bad", Map.of("failed", true, "changed", true),
      "skip", Map.of("skipped", true));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("none is none", true),
        Arguments.of("'a' is string", true),
        Arguments.of("1 is string", false),
        Arguments.of("1.5 is number", true),
        Arguments.of("ok is mapping", true),
        Arguments.of("[1] is sequence", true),
        Arguments.of("ok is iterable", true),
        Arguments.of("'abc' is match('ab')", true),
        Arguments.of("'abc' is match('bc')", false),
        Arguments.of("'abc' is search('bc')", true),
        Arguments.of("2 is in [1, 2]", true),
        Arguments.of("'b' is in 'abc'", true),
        Arguments.of("3 is equalto 3", true),
        Arguments.of("ok is succeeded and ok is success", true),
        Arguments.of("bad is failed", true),
        Arguments.of("ok is failed", false),
        Arguments.of("bad is changed", true),
        Arguments.of("ok is changed", false),
        Arguments.of("skip is skipped", true),
        Arguments.of("'1.10' is version('1.9', '>')", true),
        Arguments.of("'2.0' is version('2.0.1', 'lt')", true),
        Arguments.of("'2.4.1' is version('2.4', '>=')", true),
        Arguments.of("'1.0' is version_compare('1.0', operator='eq')", true),
        Arguments.of("'' is falsy and 'x' is truthy", true));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("cases")
  void testBehavesLikeAnsible(String expression, boolean expected) {
    assertEquals(expected, TEMPLAR.evaluateCondition(expression, VARS, "tests"));
  }
}
