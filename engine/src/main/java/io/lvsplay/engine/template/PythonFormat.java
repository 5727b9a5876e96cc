package io.lvsplay.engine.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code str.format}: {@code {}}, {@code {0}}, {@code {name}}, {@code {0[key]}},
 * {@code {a.b}}, {@code !r}/{@code !s} and the common format specs ({@code :>8}, {@code :05d},
 * {@code :.2f}, {@code :x}, {@code :,}, {@code :%}). Nested fields inside a spec are not supported.
 */
final class PythonFormat {
  private static final Pattern SPEC = Pattern.compile(
      "(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([bcdeEfFgGnosxX%])?");

  private PythonFormat() {}

  static String format(String template, List<Object> args, Map<String, Object> kwargs) {
    StringBuilder out = new StringBuilder();
    int auto = 0;
    boolean manual = false;
    int i = 0;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i);
      if (c == '}') {
        if (i + 1 < n && template.charAt(i + 1) == '}') {
          out.append('}');
          i += 2;
          continue;
        }
        throw Strictness.fail("Single '}' encountered in format string");
      }
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < n && template.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
        continue;
      }
      int close = template.indexOf('}', i + 1);
      if (close < 0) {
        throw Strictness.fail("Single '{' encountered in format string");
      }
      String field = template.substring(i + 1, close);
      i = close + 1;
      String spec = "";
      int colon = field.indexOf(':');
      if (colon >= 0) {
        spec = field.substring(colon + 1);
        field = field.substring(0, colon);
      }
      char conversion = 0;
      int bang = field.indexOf('!');
      if (bang >= 0) {
        conversion = bang + 1 < field.length() ? field.charAt(bang + 1) : 0;
        field = field.substring(0, bang);
      }
      int nameEnd = 0;
      while (nameEnd < field.length() && field.charAt(nameEnd) != '.' && field.charAt(nameEnd) != '[') {
        nameEnd++;
      }
      String name = field.substring(0, nameEnd);
      Object value;
      if (name.isEmpty()) {
        if (manual) {
          throw Strictness.fail("cannot switch from manual field specification to automatic field numbering");
        }
        value = positional(args, auto++);
      } else if (name.chars().allMatch(Character::isDigit)) {
        manual = true;
        value = positional(args, Integer.parseInt(name));
      } else {
        if (!kwargs.containsKey(name)) {
          throw Strictness.fail("KeyError: '" + name + "'");
        }
        value = kwargs.get(name);
      }
      value = access(value, field.substring(nameEnd));
      if (conversion == 'r' || conversion == 'a') {
        value = PythonRepr.repr(value);
      } else if (conversion == 's') {
        value = PythonRepr.str(value);
      }
      out.append(formatValue(value, spec));
    }
    return out.toString();
  }

  private static Object positional(List<Object> args, int index) {
    if (index >= args.size()) {
      throw Strictness.fail("IndexError: Replacement index " + index + " out of range for positional args tuple");
    }
    return args.get(index);
  }

  /** Applies ".attr" and "[key]" parts of a field name. */
  private static Object access(Object value, String path) {
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      String key;
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        key = path.substring(i + 1, end);
        i = end;
      } else {
        int end = path.indexOf(']', i);
        if (end < 0) {
          throw Strictness.fail("Missing ']' in format string");
        }
        key = path.substring(i + 1, end);
        i = end + 1;
      }
      value = item(value, key);
    }
    return value;
  }

  private static Object item(Object value, String key) {
    if (value instanceof Map<?, ?> map) {
      if (map.containsKey(key)) {
        return map.get(key);
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (String.valueOf(entry.getKey()).equals(key)) {
          return entry.getValue();
        }
      }
      throw Strictness.fail("KeyError: '" + key + "'");
    }
    if (value instanceof List<?> list && key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
      int index = Integer.parseInt(key);
      if (index < list.size()) {
        return list.get(index);
      }
      throw Strictness.fail("IndexError: list index out of range");
    }
    throw Strictness.fail("'" + Values.typeName(value) + "' object has no attribute or item '" + key + "'");
  }

  static String formatValue(Object value, String spec) {
    Strictness.requireDefined(value);
    if (spec.isEmpty()) {
      return value == null ? "None" : PythonRepr.str(value);
    }
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw Strictness.fail("Invalid format specifier '" + spec + "'");
    }
    String fillGroup = m.group(1);
    String align = m.group(2);
    String sign = m.group(3) == null ? "-" : m.group(3);
    boolean alternate = m.group(4) != null;
    boolean zero = m.group(5) != null;
    int width = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    String grouping = m.group(7);
    Integer precision = m.group(8) == null ? null : Integer.parseInt(m.group(8));
    String type = m.group(9);
    char fill = fillGroup != null ? fillGroup.charAt(0) : (zero && align == null ? '0' : ' ');
    if (align == null && zero) {
      align = "=";
    }

    boolean numeric = value instanceof Number || value instanceof Boolean;
    if (!numeric || (type != null && type.equals("s"))) {
      if (type != null && !type.equals("s")) {
        throw Strictness.fail("Unknown format code '" + type + "' for object of type '"
            + Values.typeName(value) + "'");
      }
      String text = value == null ? "None" : PythonRepr.str(value);
      if (precision != null && precision < text.length()) {
        text = text.substring(0, precision);
      }
      return align(text, "", width, fill, align == null ? "<" : align);
    }

    // a float is formatted from its exact binary value, as Python does: '{:.2f}' of 2.675 is 2.67
    BigDecimal number = value instanceof Boolean bool ? BigDecimal.valueOf(bool ? 1 : 0)
        : value instanceof Double || value instanceof Float ? exact(((Number) value).doubleValue())
        : new BigDecimal(value.toString());
    boolean integral = !(value instanceof Double || value instanceof Float || value instanceof BigDecimal);
    if (type == null) {
      type = integral ? "d" : (precision == null ? "r" : "g");
    }
    boolean negative = number.signum() < 0;
    BigDecimal magnitude = number.abs();
    String digits;
    String prefix = "";
    switch (type) {
      case "d", "n" -> {
        requireIntegral(integral, type);
        digits = group(magnitude.toBigInteger().toString(), grouping);
      }
      case "b", "o", "x", "X" -> {
        requireIntegral(integral, type);
        int radix = switch (type) {
          case "b" -> 2;
          case "o" -> 8;
          default -> 16;
        };
        digits = magnitude.toBigInteger().toString(radix);
        if (type.equals("X")) {
          digits = digits.toUpperCase(Locale.ROOT);
        }
        if (alternate) {
          prefix = "0" + type;
        }
      }
      case "c" -> {
        requireIntegral(integral, type);
        digits = new String(Character.toChars(magnitude.intValue()));
      }
      case "f", "F" -> digits = group(
          magnitude.setScale(precision == null ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString(), grouping);
      case "%" -> digits = magnitude.movePointRight(2)
          .setScale(precision == null ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString() + "%";
      case "e", "E" -> {
        digits = String.format(Locale.ROOT, "%." + (precision == null ? 6 : precision) + "e", magnitude);
        digits = type.equals("E") ? digits.toUpperCase(Locale.ROOT) : digits;
      }
      case "g", "G" -> {
        int significant = precision == null ? 6 : Math.max(precision, 1);
        digits = general(magnitude, significant, alternate);
        digits = type.equals("G") ? digits.toUpperCase(Locale.ROOT) : digits;
      }
      default -> digits = PythonRepr.str(value instanceof Double d ? Double.valueOf(Math.abs(d)) : magnitude);
    }
    String signText = negative ? "-" : switch (sign) {
      case "+" -> "+";
      case " " -> " ";
      default -> "";
    };
    return align(digits, signText + prefix, width, fill, align == null ? ">" : align);
  }

  private static BigDecimal exact(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw Strictness.fail("cannot format " + value);
    }
    return new BigDecimal(value);
  }

  private static void requireIntegral(boolean integral, String type) {
    if (!integral) {
      throw Strictness.fail("Unknown format code '" + type + "' for object of type 'float'");
    }
  }

  /** Python's 'g': significant digits, scientific when the exponent is out of range. */
  private static String general(BigDecimal magnitude, int significant, boolean keepZeros) {
    if (magnitude.signum() == 0) {
      return "0";
    }
    BigDecimal rounded = magnitude.round(new java.math.MathContext(significant, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    String text;
    if (exponent < -4 || exponent >= significant) {
      text = String.format(Locale.ROOT, "%." + (significant - 1) + "e", rounded);
      if (!keepZeros) {
        text = text.replaceAll("\\.?0+e", "e");
      }
    } else {
      text = rounded.setScale(Math.max(0, significant - 1 - exponent), RoundingMode.HALF_EVEN).toPlainString();
      if (!keepZeros && text.contains(".")) {
        text = text.replaceAll("\\.?0+$", "");
      }
    }
    return text;
  }

  private static String group(String digits, String separator) {
    if (separator == null) {
      return digits;
    }
    int dot = digits.indexOf('.');
    String whole = dot < 0 ? digits : digits.substring(0, dot);
    String rest = dot < 0 ? "" : digits.substring(dot);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        out.append(separator);
      }
      out.append(whole.charAt(i));
    }
    return out + rest;
  }

  private static String align(String body, String sign, int width, char fill, String align) {
    int missing = width - body.length() - sign.length();
    if (missing <= 0) {
      return sign + body;
    }
    String pad = String.valueOf(fill);
    return switch (align) {
      case "<" -> sign + body + pad.repeat(missing);
      case "^" -> pad.repeat(missing / 2) + sign + body + pad.repeat(missing - missing / 2);
      case "=" -> sign + pad.repeat(missing) + body;
      default -> pad.repeat(missing) + sign + body;
    };
  }
}
