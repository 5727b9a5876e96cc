package io.lvsplay.engine.template;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders values the way Ansible's Jinja2 prints them, because users' templates and conditions
 * depend on it: {@code True}/{@code False}, {@code ['a', 'b']}, {@code {'k': 1}}, and None printed
 * as an empty string (Ansible's finalize hook) at the top level but {@code None} inside a collection.
 */
final class PythonRepr {
  private PythonRepr() {}

  /** Python's {@code str()}, as used when a value is printed by {@code {{ }}}. */
  static String str(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    return repr(value);
  }

  /** Python's {@code repr()}, as used for values nested in lists and dicts. */
  static String repr(Object value) {
    StringBuilder out = new StringBuilder();
    appendRepr(out, value);
    return out.toString();
  }

  private static void appendRepr(StringBuilder out, Object value) {
    Strictness.requireDefined(value);
    if (value == null) {
      out.append("None");
    } else if (value instanceof Boolean bool) {
      out.append(bool ? "True" : "False");
    } else if (value instanceof CharSequence text) {
      appendQuoted(out, text.toString());
    } else if (value instanceof BigDecimal decimal) {
      out.append(decimal.toPlainString());
    } else if (value instanceof Map<?, ?> map) {
      appendMap(out, map);
    } else if (tuple(value) != null) {
      PythonTuple tuple = tuple(value);
      out.append('(');
      for (int i = 0; i < tuple.size(); i++) {
        out.append(i > 0 ? ", " : "");
        appendRepr(out, tuple.get(i));
      }
      out.append(tuple.size() == 1 ? ",)" : ")");
    } else if (value instanceof Iterable<?> items) {
      appendItems(out, items.iterator());
    } else if (value instanceof Object[] array) {
      appendItems(out, java.util.Arrays.asList(array).iterator());
    } else {
      out.append(value);
    }
  }

  /** The tuple behind a value, also when jinjava has wrapped it in its PyList; else null. */
  private static PythonTuple tuple(Object value) {
    if (value instanceof PythonTuple tuple) {
      return tuple;
    }
    if (value instanceof com.hubspot.jinjava.objects.collections.PyList py && py.toList() instanceof PythonTuple tuple) {
      return tuple;
    }
    return null;
  }

  private static void appendMap(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      appendRepr(out, entry.getKey());
      out.append(": ");
      appendRepr(out, entry.getValue());
    }
    out.append('}');
  }

  private static void appendItems(StringBuilder out, Iterator<?> items) {
    out.append('[');
    boolean first = true;
    while (items.hasNext()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      appendRepr(out, items.next());
    }
    out.append(']');
  }

  /** Python prefers single quotes and switches to double quotes only to avoid escaping. */
  private static void appendQuoted(StringBuilder out, String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    out.append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == quote) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    out.append(quote);
  }
}
