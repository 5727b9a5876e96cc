package io.lvsplay.engine.template;

/**
 * Aborts the evaluation of an expression that used an undefined value. Jinjava turns exceptions
 * into collected errors, so the failure is also recorded on the render session (see
 * {@link Strictness#fail}) where {@link RenderSession} picks it up with its line number.
 */
final class StrictUndefinedException extends RuntimeException {
  StrictUndefinedException(String message) {
    super(message);
  }
}
