package io.lvsplay.engine.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One evaluation of one template text. Jinjava collects errors instead of throwing, and keeps
 * rendering after them; this class turns the first failure into a {@link TemplateError} naming the
 * source and line.
 */
final class RenderSession {
  /** A string that is exactly one expression, e.g. "{{ ports }}", yields the native value. */
  private static final Pattern SINGLE_EXPRESSION = Pattern.compile("\\{\\{-?(.*?)-?}}", Pattern.DOTALL);

  private final VariableScope scope;
  private final String source;
  private String failure;
  private int failureLine;
  private boolean failureLocated;

  RenderSession(VariableScope scope, String source) {
    this.scope = scope;
    this.source = source;
  }

  String source() {
    return source;
  }

  VariableScope scope() {
    return scope;
  }

  void recordFailure(String message, int line, boolean located) {
    if (failure == null) {
      failure = message;
      failureLine = line;
      failureLocated = located;
    }
  }

  String render(String template) {
    String text = TemplateSource.normalize(template);
    return run(interpreter -> interpreter.render(text));
  }

  Object evaluate(String expression) {
    String text = TemplateSource.normalizeExpression(expression);
    return run(interpreter -> NativeValues.materialize(interpreter.resolveELExpression(text, 1)));
  }

  /** Ansible's rule for a templated string value: one expression keeps its type, else text. */
  Object template(String value) {
    Optional<String> expression = singleExpression(value);
    return expression.isPresent() ? evaluate(expression.get()) : render(value);
  }

  static Optional<String> singleExpression(String value) {
    Matcher matcher = SINGLE_EXPRESSION.matcher(value);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String inner = matcher.group(1);
    boolean onlyOne = !inner.contains("{{") && !inner.contains("}}") && !inner.contains("{%");
    return onlyOne ? Optional.of(inner) : Optional.empty();
  }

  private <T> T run(Function<StrictInterpreter, T> body) {
    // every jinjava Context shares bookkeeping sets with the global context (plain HashSets that
    // for-loops modify), so concurrent renders corrupt them: one render at a time (re-entrant,
    // since lazy variables render inside a render)
    synchronized (scope.jinjava().getGlobalContext()) {
      return runExclusively(body);
    }
  }

  private <T> T runExclusively(Function<StrictInterpreter, T> body) {
    Context context = new StrictContext(scope.jinjava().getGlobalContext());
    context.setDynamicVariableResolver(scope::lookupVariable);
    StrictInterpreter interpreter =
        new StrictInterpreter(scope.jinjava(), context, scope.jinjava().getGlobalConfig(), this);
    JinjavaInterpreter.pushCurrent(interpreter);
    try {
      T result = body.apply(interpreter);
      throwFirstError(interpreter);
      return result;
    } catch (RuntimeException e) {
      if (e instanceof TemplateError error) {
        throw error;
      }
      throwFirstError(interpreter);
      throw new TemplateError(source, interpreter.getLineNumber(), String.valueOf(e.getMessage()), e);
    } finally {
      JinjavaInterpreter.popCurrent();
    }
  }

  private void throwFirstError(JinjavaInterpreter interpreter) {
    if (failure != null) {
      throw new TemplateError(source, failureLine, failure, failureLocated);
    }
    for (com.hubspot.jinjava.interpret.TemplateError error : interpreter.getErrors()) {
      if (error.getSeverity() == ErrorType.FATAL) {
        throw new TemplateError(source, error.getLineno(), error.getMessage(), error.getException());
      }
    }
  }
}
