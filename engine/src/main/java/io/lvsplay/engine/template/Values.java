package io.lvsplay.engine.template;

import com.hubspot.jinjava.objects.SafeString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Python-flavoured conversions shared by the filters and tests. */
public final class Values {
  private Values() {}

  /** Python's {@code list(value)}: strings split into characters, dicts give their keys. */
  static List<Object> toList(Object value) {
    Strictness.requireDefined(value);
    List<Object> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    if (value instanceof CharSequence text) {
      text.toString().codePoints().forEach(c -> items.add(new String(Character.toChars(c))));
    } else if (value instanceof Map<?, ?> map) {
      items.addAll(map.keySet());
    } else if (value instanceof Iterable<?> iterable) {
      iterable.forEach(items::add);
    } else if (value instanceof Object[] array) {
      items.addAll(Arrays.asList(array));
    } else {
      throw Strictness.fail("'" + typeName(value) + "' object is not iterable");
    }
    return items;
  }

  @SuppressWarnings("unchecked")
  static Map<Object, Object> toMap(Object value, String filter) {
    Strictness.requireDefined(value);
    if (value instanceof Map<?, ?> map) {
      return (Map<Object, Object>) map;
    }
    throw Strictness.fail(filter + " expects a dictionary, got " + typeName(value));
  }

  static boolean isSequence(Object value) {
    return value instanceof Iterable<?> && !(value instanceof Map<?, ?>) || value instanceof Object[];
  }

  static boolean isString(Object value) {
    return value instanceof String || value instanceof SafeString || value instanceof UnsafeText;
  }

  static boolean isNumber(Object value) {
    return value instanceof Number;
  }

  /** Python's equality across Java's number types: 1 == 1L == 1.0. */
  static boolean pyEquals(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return compare(x, y) == 0;
    }
    if (a instanceof SafeString || b instanceof SafeString || a instanceof UnsafeText || b instanceof UnsafeText) {
      return Objects.equals(String.valueOf(a), String.valueOf(b));
    }
    return Objects.equals(a, b);
  }

  /** Orders numbers by value and everything else by its printed form, as sort/min/max need. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
      return ca.compareTo(b);
    }
    return PythonRepr.str(a).compareTo(PythonRepr.str(b));
  }

  static boolean contains(Iterable<?> items, Object value) {
    for (Object item : items) {
      if (pyEquals(item, value)) {
        return true;
      }
    }
    return false;
  }

  /** Python's type names, for type_debug and error messages (the one place that names them). */
  public static String typeName(Object value) {
    if (value == null) {
      return "NoneType";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof PythonTuple) {
      return "tuple";
    }
    if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
      return "int";
    }
    if (value instanceof Number) {
      return "float";
    }
    if (isString(value)) {
      return "str";
    }
    if (value instanceof Map<?, ?>) {
      return "dict";
    }
    if (isSequence(value)) {
      return "list";
    }
    return value.getClass().getSimpleName();
  }
}
