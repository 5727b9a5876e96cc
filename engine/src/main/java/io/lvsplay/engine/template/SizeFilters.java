package io.lvsplay.engine.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** human_readable and human_to_bytes (Ansible's module_utils/common/text/formatters.py). */
final class SizeFilters {
  private static final Map<Character, Long> RANGES = new LinkedHashMap<>();
  private static final Pattern HUMAN = Pattern.compile("^\\s*(\\d*\\.?\\d*)\\s*([A-Za-z]+)?");

  static {
    String suffixes = "ZEPTGMKB"; // Y (2^80) does not fit a long; Ansible's Y is handled as a double below
    for (int i = 0; i < suffixes.length(); i++) {
      RANGES.put(suffixes.charAt(i), 1L << (10 * (suffixes.length() - 1 - i)));
    }
  }

  private SizeFilters() {}

  static List<NamedFilter> all() {
    return List.of(
        new NamedFilter("human_readable", (input, args) ->
            bytesToHuman(toDouble(input), args.flag(0, "isbits"), args.string(1, "unit", null))),
        new NamedFilter("human_to_bytes", (input, args) ->
            humanToBytes(PythonRepr.str(input), args.string(0, "default_unit", null), args.flag(1, "isbits"))));
  }

  static String bytesToHuman(double size, boolean isbits, String unit) {
    String base = isbits ? "bits" : "Bytes";
    double limit = 1;
    String suffix = "B";
    double yotta = Math.pow(2, 80);
    if ((unit == null && size >= yotta) || (unit != null && unit.toUpperCase().charAt(0) == 'Y')) {
      limit = yotta;
      suffix = "Y";
    } else {
      for (Map.Entry<Character, Long> range : RANGES.entrySet()) {
        suffix = String.valueOf(range.getKey());
        limit = range.getValue();
        if ((unit == null && size >= limit) || (unit != null && Character.toUpperCase(unit.charAt(0)) == range.getKey())) {
          break;
        }
      }
    }
    String shown = limit != 1 ? suffix + base.charAt(0) : base;
    return String.format(java.util.Locale.ROOT, "%.2f %s", size / limit, shown);
  }

  static long humanToBytes(String number, String defaultUnit, boolean isbits) {
    Matcher m = HUMAN.matcher(number);
    if (!m.find() || m.group(1).isEmpty() || m.group(1).equals(".")) {
      throw Strictness.fail("human_to_bytes() can't interpret following string: " + number);
    }
    double num = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? defaultUnit : m.group(2);
    if (unit == null) {
      return (long) Math.rint(num);
    }
    char rangeKey = Character.toUpperCase(unit.charAt(0));
    Long limit = RANGES.get(rangeKey);
    if (limit == null) {
      throw Strictness.fail("human_to_bytes() failed to convert " + number + " (unit = " + unit
          + "). The suffix must be one of Y, Z, E, P, T, G, M, K, B");
    }
    String unitClass = isbits ? "b" : "B";
    String unitClassName = isbits ? "bit" : "byte";
    if (unit.length() > 1 && !unit.toLowerCase().contains(unitClassName) && !unit.substring(1, 2).equals(unitClass)) {
      String expect = rangeKey == 'B' ? "expect " + unitClass + " or " + unitClassName
          : "expect " + rangeKey + unitClass + " or " + rangeKey;
      throw Strictness.fail("human_to_bytes() failed to convert " + number + ". Value is not a valid string (" + expect + ")");
    }
    return (long) Math.rint(num * limit);
  }

  private static double toDouble(Object input) {
    if (input instanceof Number number) {
      return number.doubleValue();
    }
    try {
      return Double.parseDouble(PythonRepr.str(input).strip());
    } catch (NumberFormatException e) {
      throw Strictness.fail("human_readable() can't interpret following string: " + PythonRepr.str(input));
    }
  }
}
