package io.lvsplay.engine.template;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's printf-style {@code text % args}: a tuple gives the positional values, a dict the
 * {@code %(name)s} ones, anything else is the one value. Each conversion is formatted by
 * {@link PythonFormat#formatValue} through the equivalent {@code format()} spec.
 */
final class PythonPercentFormat {
  private static final Pattern SPEC = Pattern.compile(
      "%(?:\\(([^)]*)\\))?([#0\\- +]*)(\\*|\\d+)?(?:\\.(\\*|\\d*))?[hlL]?([diouxXeEfFgGcrsa%])?");

  private PythonPercentFormat() {}

  /** Jinja2's {@code format} filter: {@code text % kwargs} if any, else {@code text % args}. */
  static NamedFilter filter() {
    return new NamedFilter("format", (input, args) -> {
      Strictness.requireDefined(input);
      Object operands = args.named().isEmpty() ? new PythonTuple(args.positional()) : args.named();
      return format(PythonRepr.str(input), operands);
    });
  }

  static String format(String template, Object args) {
    Strictness.requireDefined(args);
    List<Object> positional = args instanceof PythonTuple tuple ? tuple : List.of(wrapNull(args));
    boolean mapping = args instanceof Map<?, ?> && !(args instanceof PythonTuple);
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    Matcher m = SPEC.matcher(template);
    while (i < template.length()) {
      int percent = template.indexOf('%', i);
      if (percent < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, percent);
      if (!m.find(percent) || m.start() != percent || m.group(5) == null) {
        throw Strictness.fail("ValueError: incomplete format");
      }
      i = m.end();
      String type = m.group(5);
      if (type.equals("%")) {
        out.append('%');
        continue;
      }
      String flags = m.group(2);
      String width = m.group(3);
      String precision = m.group(4);
      if ("*".equals(width)) {
        width = String.valueOf(take(positional, next++));
      }
      if ("*".equals(precision)) {
        precision = String.valueOf(take(positional, next++));
      }
      Object value;
      if (m.group(1) != null) {
        if (!mapping) {
          throw Strictness.fail("TypeError: format requires a mapping");
        }
        Map<?, ?> map = (Map<?, ?>) args;
        if (!map.containsKey(m.group(1))) {
          throw Strictness.fail("KeyError: '" + m.group(1) + "'");
        }
        value = map.get(m.group(1));
      } else {
        value = mapping && !(args instanceof PythonTuple) ? args : take(positional, next++);
      }
      out.append(convert(unwrapNull(value), type, flags, width, precision));
    }
    if (!mapping && next < positional.size()) {
      throw Strictness.fail("TypeError: not all arguments converted during string formatting");
    }
    return out.toString();
  }

  private static String convert(Object value, String type, String flags, String width, String precision) {
    if (value instanceof Undefined undefined && type.equals("r")) {
      return undefined.repr();
    }
    Strictness.requireDefined(value);
    boolean left = flags.contains("-");
    String sign = flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
    String alternate = flags.contains("#") ? "#" : "";
    boolean zero = flags.contains("0") && !left;
    String size = width == null ? "" : width;
    String dot = precision == null ? "" : "." + (precision.isEmpty() ? "0" : precision);
    switch (type) {
      case "s", "r", "a" -> {
        String text = type.equals("s") ? PythonRepr.str(value) : PythonRepr.repr(value);
        return PythonFormat.formatValue(text, (left ? "<" : ">") + size + dot + "s");
      }
      case "c" -> {
        String text = value instanceof Number n ? new String(Character.toChars(n.intValue())) : PythonRepr.str(value);
        return PythonFormat.formatValue(text, (left ? "<" : ">") + size + "s");
      }
      default -> {
        Object number = number(value, type);
        String kind = switch (type) {
          case "i", "u" -> "d";
          default -> type;
        };
        String align = zero ? "0" : left ? "<" : ">";
        String spec = (zero ? "" : align) + sign + alternate + (zero ? "0" : "") + size + ("dxXo".contains(kind) ? "" : dot) + kind;
        String text = PythonFormat.formatValue(number, spec);
        // Python's %#o prints 0o17, as format() does; %#x 0x1f likewise
        return text;
      }
    }
  }

  private static Object number(Object value, String type) {
    if (value instanceof Boolean bool) {
      return bool ? 1 : 0;
    }
    if (!(value instanceof Number number)) {
      throw Strictness.fail("TypeError: %" + type + " format: a real number is required, not " + Values.typeName(value));
    }
    boolean integral = "diuxXoc".contains(type);
    if (integral && (number instanceof Double || number instanceof Float)) {
      if ("xXo".contains(type)) {
        throw Strictness.fail("TypeError: %" + type + " format: an integer is required, not float");
      }
      return (long) number.doubleValue();
    }
    return number;
  }

  private static Object take(List<Object> positional, int index) {
    if (index >= positional.size()) {
      throw Strictness.fail("TypeError: not enough arguments for format string");
    }
    return positional.get(index);
  }

  private static final Object NONE = new Object();

  private static Object wrapNull(Object value) {
    return value == null ? NONE : value;
  }

  private static Object unwrapNull(Object value) {
    return value == NONE ? null : value;
  }
}
