package io.lvsplay.engine.template;

import java.util.List;
import java.util.Map;

/** A filter's or test's arguments, readable by position or by keyword like Python's. */
record FilterArgs(List<Object> positional, Map<String, Object> named) {

  Object get(int index, String name, Object fallback) {
    if (name != null && named.containsKey(name)) {
      return named.get(name);
    }
    return index < positional.size() ? positional.get(index) : fallback;
  }

  String string(int index, String name, String fallback) {
    Object value = get(index, name, fallback);
    return value == null ? null : PythonRepr.str(value);
  }

  boolean flag(int index, String name) {
    return Truthiness.isTruthy(get(index, name, false));
  }

  /** A keyword-only flag such as {@code ignorecase=True}. */
  boolean keywordFlag(String name) {
    return Truthiness.isTruthy(named.getOrDefault(name, false));
  }

  int size() {
    return positional.size();
  }
}
