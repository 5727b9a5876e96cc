package io.lvsplay.engine.template;

import java.util.List;
import java.util.Locale;

/** Conversions and the filters that deal with undefined or missing values. */
final class TypeFilters {
  private TypeFilters() {}

  static List<NamedFilter> all() {
    return List.of(
        new NamedFilter("default", TypeFilters::defaultValue),
        new NamedFilter("d", TypeFilters::defaultValue),
        new NamedFilter("mandatory", TypeFilters::mandatory),
        new NamedFilter("int", (input, args) -> toInt(input, args.get(0, "default", 0L))),
        new NamedFilter("float", (input, args) -> toFloat(input, args.get(0, "default", 0.0))),
        new NamedFilter("bool", (input, args) -> Truthiness.ansibleBool(input)),
        new NamedFilter("string", (input, args) -> PythonRepr.str(input)),
        new NamedFilter("list", (input, args) -> Values.toList(input)),
        new NamedFilter("type_debug", (input, args) -> Values.typeName(input)),
        new NamedFilter("ternary", TypeFilters::ternary));
  }

  /** default(value, boolean=False): with boolean true, also replaces empty and false values. */
  private static Object defaultValue(Object input, FilterArgs args) {
    boolean replaceFalsy = args.flag(1, "boolean");
    boolean missing = input instanceof Undefined || replaceFalsy && !Truthiness.isTruthy(input);
    return missing ? Strictness.requireDefined(args.get(0, "default_value", "")) : input;
  }

  private static Object mandatory(Object input, FilterArgs args) {
    if (input instanceof Undefined undefined) {
      String message = args.string(0, "msg", null);
      throw Strictness.fail(message != null ? message : "Mandatory variable " + undefined.message().replace(" is undefined", "") + " not defined.");
    }
    return input;
  }

  private static Object ternary(Object input, FilterArgs args) {
    if (input == null && args.size() > 2) {
      return args.get(2, "none_val", null);
    }
    return Truthiness.isTruthy(input) ? args.get(0, "true_val", null) : args.get(1, "false_val", null);
  }

  /** Jinja2's int filter: "3.7" gives 3, anything unparsable gives the default. */
  static Object toInt(Object input, Object fallback) {
    if (input instanceof Boolean bool) {
      return bool ? 1L : 0L;
    }
    if (input instanceof Number number) {
      return number.longValue();
    }
    String text = PythonRepr.str(input).trim().replace("_", "");
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notAnInteger) {
      try {
        return (long) Double.parseDouble(text);
      } catch (NumberFormatException notANumber) {
        return fallback;
      }
    }
  }

  static Object toFloat(Object input, Object fallback) {
    if (input instanceof Boolean bool) {
      return bool ? 1.0 : 0.0;
    }
    if (input instanceof Number number) {
      return number.doubleValue();
    }
    String text = PythonRepr.str(input).trim().toLowerCase(Locale.ROOT);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
