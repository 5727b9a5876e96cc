package io.lvsplay.engine.template;

import java.util.ArrayList;
import java.util.Collection;

/** A Python tuple: a list that prints as {@code (a, b)}, as splitext, zip or subelements return. */
final class PythonTuple extends ArrayList<Object> {
  PythonTuple(Collection<?> items) {
    super(items);
  }

  static PythonTuple of(Object... items) {
    return new PythonTuple(java.util.Arrays.asList(items));
  }
}
