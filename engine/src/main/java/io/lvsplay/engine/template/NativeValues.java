package io.lvsplay.engine.template;

import com.hubspot.jinjava.objects.SafeString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an expression's result into plain Java values a caller can keep after the render ends:
 * lazy views are read out (templating what they contain) and jinjava wrappers are dropped.
 */
final class NativeValues {
  private NativeValues() {}

  static Object materialize(Object value) {
    Strictness.requireDefined(value);
    if (value instanceof SafeString safe) {
      return safe.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(materialize(key), materialize(item)));
      return copy;
    }
    if (value instanceof Iterable<?> items) {
      List<Object> copy = new ArrayList<>();
      items.forEach(item -> copy.add(materialize(item)));
      return value instanceof PythonTuple ? new PythonTuple(copy) : copy;
    }
    if (value instanceof Object[] array) {
      return materialize(java.util.Arrays.asList(array));
    }
    return value;
  }
}
