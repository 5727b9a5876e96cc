package io.lvsplay.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** indent (Jinja2 3.1), extract and subelements (Ansible) with their Python semantics. */
final class StructureFilters {
  private StructureFilters() {}

  static List<NamedFilter> all() {
    return List.of(
        new NamedFilter("indent", StructureFilters::indent),
        new NamedFilter("extract", StructureFilters::extract),
        new NamedFilter("subelements", StructureFilters::subelements));
  }

  /** indent(width=4, first=False, blank=False); width may also be the indentation string. */
  static String indent(Object input, FilterArgs args) {
    Object width = args.get(0, "width", 4);
    String indention = width instanceof CharSequence text ? text.toString() : " ".repeat(((Number) width).intValue());
    boolean first = args.flag(1, "first");
    boolean blank = args.flag(2, "blank");
    List<Object> lines = PythonStrings.splitlines(PythonRepr.str(input) + "\n", false);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = (String) lines.get(i);
      if (i > 0) {
        out.append('\n').append(blank || !line.isEmpty() ? indention : "");
      }
      out.append(line);
    }
    return first ? indention + out : out.toString();
  }

  /** extract(item, container, morekeys=None): container[item], then each of morekeys in turn. */
  static Object extract(Object item, FilterArgs args) {
    Object value = index(args.get(0, "container", null), item);
    Object more = args.get(1, "morekeys", null);
    if (more != null) {
      for (Object key : more instanceof List<?> keys ? keys : List.of(more)) {
        value = index(value, key);
      }
    }
    return value;
  }

  private static Object index(Object container, Object key) {
    if (container instanceof Map<?, ?> map) {
      if (!map.containsKey(key)) {
        return Undefined.attribute("dict object", key);
      }
      return map.get(key);
    }
    List<Object> list = Values.toList(container);
    int i = ((Number) key).intValue();
    return list.get(i < 0 ? list.size() + i : i);
  }

  /** subelements(elements, 'a.b', skip_missing=False): (element, subitem) for each subitem. */
  static Object subelements(Object input, FilterArgs args) {
    String path = args.string(0, "subelements", null);
    boolean skipMissing = args.flag(1, "skip_missing");
    List<Object> result = new ArrayList<>();
    for (Object element : Values.toList(input)) {
      Object value = element;
      boolean missing = false;
      for (String key : path.split("\\.")) {
        Map<?, ?> map = Values.toMap(value, "subelements");
        if (!map.containsKey(key)) {
          if (!skipMissing) {
            throw Strictness.fail("could not find '" + key + "' key in iterated item '" + PythonRepr.repr(element) + "'");
          }
          missing = true;
          break;
        }
        value = map.get(key);
      }
      if (missing) {
        continue;
      }
      if (!(value instanceof List<?>) && !(value instanceof Iterable<?>)) {
        throw Strictness.fail("the key " + path + " should point to a list, got '" + PythonRepr.repr(value) + "'");
      }
      for (Object sub : Values.toList(value)) {
        result.add(PythonTuple.of(element, sub));
      }
    }
    return result;
  }
}
