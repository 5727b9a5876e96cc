package io.lvsplay.engine.template;

import com.hubspot.jinjava.el.TruthyTypeConverter;

/**
 * Jinjava's converter with Python's bool() for every boolean coercion of an expression (not, and,
 * or, "x if c else y"): jinjava alone would treat the string "false" as false.
 */
final class PythonTruthConverter extends TruthyTypeConverter {
  private static final long serialVersionUID = 1L;

  @Override
  protected Boolean coerceToBoolean(Object value) {
    return Truthiness.isTruthy(value);
  }
}
