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

  /** Ansible's STRING_TYPE_FILTERS: an expression ending in one of them stays text. */
  private static final Pattern STRING_TYPE_FILTER = Pattern.compile(
      ".*\\|\\s*(string|to_json|to_nice_json|to_yaml|to_nice_yaml|ppretty|json)\\s*(\\(.*\\))?\\s*", Pattern.DOTALL);

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

  /**
   * Ansible's rule for a templated string value: one expression keeps its type, else text; text
   * that looks like a list, dict or bool becomes one, as Ansible 2.14's ansible_eval_concat does.
   */
  Object template(String written) {
    String value = TaskStringBackslashes.escape(written);
    Optional<String> expression = singleExpression(value);
    Object result = expression.isPresent() ? evaluate(expression.get()) : render(value);
    if (result == null && !(expression.isPresent() && expression.get().strip().matches("[A-Za-z_]\\w*"))) {
      // Ansible's finalize: an expression that is None renders as '' (a bare variable that is None stays None)
      return "";
    }
    boolean wantsText = expression.isPresent() && STRING_TYPE_FILTER.matcher(expression.get()).matches();
    return result instanceof String text && !wantsText ? literalText(text) : result;
  }

  /** Ansible's literal_eval (with JSON's true/false/null) of text starting with '{' or '[', or True/False. */
  static Object literalText(String text) {
    if (text.startsWith("{") || text.startsWith("[") || text.equals("True") || text.equals("False")) {
      return io.lvsplay.engine.inventory.PythonLiteral.valueOf(text, true);
    }
    return text;
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
