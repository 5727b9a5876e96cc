package io.lvsplay.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's LooseVersion ordering, used by the {@code version} test: "1.10" > "1.9", "2.0rc1" < "2.0.1". */
final class LooseVersion {
  private static final Pattern COMPONENT = Pattern.compile("\\d+|[a-z]+|\\.", Pattern.CASE_INSENSITIVE);

  private LooseVersion() {}

  static int compare(String left, String right) {
    List<Object> a = components(left);
    List<Object> b = components(right);
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int order = compareComponent(a.get(i), b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareComponent(Object x, Object y) {
    if (x instanceof Long l && y instanceof Long r) {
      return Long.compare(l, r);
    }
    // Python 2 ordered numbers before strings; Ansible's LooseVersion keeps that.
    if (x instanceof Long) {
      return -1;
    }
    if (y instanceof Long) {
      return 1;
    }
    return ((String) x).compareTo((String) y);
  }

  private static List<Object> components(String version) {
    List<Object> parts = new ArrayList<>();
    Matcher matcher = COMPONENT.matcher(version);
    while (matcher.find()) {
      String part = matcher.group();
      if (part.equals(".")) {
        continue;
      }
      parts.add(Character.isDigit(part.charAt(0)) ? (Object) Long.parseLong(part) : part);
    }
    return parts;
  }

  /** Applies a comparison operator as the version test spells it: "<", "lt", ">=", "ge", "==", "eq"... */
  static boolean satisfies(String left, String operator, String right) {
    int order = compare(left, right);
    return switch (operator) {
      case "<", "lt" -> order < 0;
      case "<=", "le" -> order <= 0;
      case ">", "gt" -> order > 0;
      case ">=", "ge" -> order >= 0;
      case "==", "=", "eq" -> order == 0;
      case "!=", "<>", "ne" -> order != 0;
      default -> throw Strictness.fail("version: invalid operator '" + operator + "'");
    };
  }
}
