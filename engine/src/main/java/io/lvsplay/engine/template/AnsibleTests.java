package io.lvsplay.engine.template;

import java.util.List;
import java.util.Map;

/** Jinja2 tests Ansible playbooks rely on, including the ones about registered task results. */
final class AnsibleTests {
  private AnsibleTests() {}

  /** Tests that must see undefined values instead of failing on them. */
  static List<NamedTest> undefinedAware() {
    return List.of(
        new NamedTest("defined", (input, args) -> !(input instanceof Undefined)),
        new NamedTest("undefined", (input, args) -> input instanceof Undefined));
  }

  static List<NamedTest> all() {
    return List.of(
        new NamedTest("none", (input, args) -> input == null),
        new NamedTest("string", (input, args) -> Values.isString(input)),
        new NamedTest("number", (input, args) -> Values.isNumber(input)),
        new NamedTest("mapping", (input, args) -> input instanceof Map<?, ?>),
        new NamedTest("sequence", (input, args) -> Values.isSequence(input) || Values.isString(input)),
        new NamedTest("iterable", (input, args) -> Values.isSequence(input) || Values.isString(input) || input instanceof Map<?, ?>),
        new NamedTest("boolean", (input, args) -> input instanceof Boolean),
        new NamedTest("equalto", (input, args) -> Values.pyEquals(input, args.get(0, null, null))),
        new NamedTest("in", (input, args) -> isIn(input, args.get(0, null, List.of()))),
        NamedTest.withSeveralArguments("match", (input, args) -> regex(input, args).lookingAt()),
        NamedTest.withSeveralArguments("search", (input, args) -> regex(input, args).find()),
        NamedTest.withSeveralArguments("regex", (input, args) -> regex(input, args).find()),
        new NamedTest("truthy", (input, args) -> Truthiness.isTruthy(input)),
        new NamedTest("falsy", (input, args) -> !Truthiness.isTruthy(input)),
        new NamedTest("failed", (input, args) -> resultFlag(input, "failed")),
        new NamedTest("succeeded", (input, args) -> !resultFlag(input, "failed")),
        new NamedTest("success", (input, args) -> !resultFlag(input, "failed")),
        new NamedTest("changed", (input, args) -> resultFlag(input, "changed")),
        new NamedTest("skipped", (input, args) -> resultFlag(input, "skipped")),
        NamedTest.withSeveralArguments("version", AnsibleTests::version),
        NamedTest.withSeveralArguments("version_compare", AnsibleTests::version));
  }

  private static boolean isIn(Object input, Object container) {
    if (Values.isString(container)) {
      return PythonRepr.str(container).contains(PythonRepr.str(input));
    }
    if (container instanceof Map<?, ?> map) {
      return map.containsKey(input);
    }
    return Values.contains(Values.toList(container), input);
  }

  private static java.util.regex.Matcher regex(Object input, FilterArgs args) {
    return PythonRegex.compile(args.string(0, "pattern", ""), args.flag(1, "ignorecase"), args.flag(2, "multiline"))
        .matcher(PythonRepr.str(input));
  }

  /** A registered result is a dict; a missing flag means false, as in Ansible. */
  private static boolean resultFlag(Object input, String flag) {
    if (!(input instanceof Map<?, ?> result)) {
      throw Strictness.fail("The '" + flag + "' test expects a dictionary (a registered result), got "
          + Values.typeName(input));
    }
    return Truthiness.ansibleBool(result.get(flag));
  }

  private static boolean version(Object input, FilterArgs args) {
    String operator = args.string(1, "operator", "eq");
    return LooseVersion.satisfies(PythonRepr.str(input), operator, args.string(0, "version", ""));
  }
}
