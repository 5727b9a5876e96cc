package io.lvsplay.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's json.dumps, so to_json/to_nice_json produce byte-for-byte what Ansible would write into a
 * config file: ", " and ": " separators, non-ASCII escaped, keys optionally sorted.
 */
final class PythonJson {
  private PythonJson() {}

  /** {@code indent} null gives one line; otherwise items on their own lines indented by it. */
  static String dumps(Object value, Integer indent, boolean sortKeys) {
    StringBuilder out = new StringBuilder();
    write(out, value, indent, sortKeys, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, Integer indent, boolean sortKeys, int depth) {
    Strictness.requireDefined(value);
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean bool) {
      out.append(bool);
    } else if (value instanceof Number) {
      out.append(PythonRepr.repr(value));
    } else if (value instanceof Map<?, ?> map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      if (sortKeys) {
        entries.sort((a, b) -> Values.compare(a.getKey(), b.getKey()));
      }
      writeContainer(out, '{', '}', entries, indent, depth, (entry) -> {
        writeString(out, keyText(entry.getKey()));
        out.append(": ");
        write(out, entry.getValue(), indent, sortKeys, depth + 1);
      });
    } else if (Values.isSequence(value)) {
      writeContainer(out, '[', ']', Values.toList(value), indent, depth,
          item -> write(out, item, indent, sortKeys, depth + 1));
    } else {
      writeString(out, PythonRepr.str(value));
    }
  }

  private static <T> void writeContainer(StringBuilder out, char open, char close, List<T> items,
      Integer indent, int depth, java.util.function.Consumer<T> writeItem) {
    out.append(open);
    if (items.isEmpty()) {
      out.append(close);
      return;
    }
    String separator = indent == null ? ", " : ",";
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(separator);
      }
      newline(out, indent, depth + 1);
      writeItem.accept(items.get(i));
    }
    newline(out, indent, depth);
    out.append(close);
  }

  private static void newline(StringBuilder out, Integer indent, int depth) {
    if (indent != null) {
      out.append('\n').append(" ".repeat(indent * depth));
    }
  }

  /** JSON keys are strings; Python converts bools, numbers and None the JSON way. */
  private static String keyText(Object key) {
    if (key == null) {
      return "null";
    }
    if (key instanceof Boolean bool) {
      return bool.toString();
    }
    return PythonRepr.str(key);
  }

  private static void writeString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
