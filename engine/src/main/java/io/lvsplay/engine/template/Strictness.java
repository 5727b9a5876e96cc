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
    JinjavaInterpreter current = JinjavaInterpreter.getCurrent();
    if (current instanceof StrictInterpreter strict) {
      strict.session().recordFailure(message, current.getLineNumber());
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
