package io.lvsplay.engine.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/** The single way to report a strict-mode failure from anywhere inside a render. */
final class Strictness {
  private Strictness() {}

  /**
   * Records the failure on the render running on this thread and returns the exception to throw,
   * so callers write {@code throw Strictness.fail(...)}.
   */
  static StrictUndefinedException fail(String message) {
    return fail(message, true);
  }

  /**
   * The same, for a failure Ansible reports with its own words only, as the {@code msg} of a
   * task whose {@code with_*} lookup failed ("with_indexed_items expects a list").
   */
  static StrictUndefinedException failWithoutLocation(String message) {
    return fail(message, false);
  }

  private static StrictUndefinedException fail(String message, boolean located) {
    JinjavaInterpreter current = JinjavaInterpreter.getCurrent();
    if (current instanceof StrictInterpreter strict) {
      strict.session().recordFailure(message, current.getLineNumber(), located);
    }
    return new StrictUndefinedException(message);
  }

  /** Fails if the value is undefined; returns it otherwise. */
  static Object requireDefined(Object value) {
    if (value instanceof Undefined undefined) {
      throw fail(undefined.message());
    }
    return value;
  }
}
