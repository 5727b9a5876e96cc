package io.lvsplay.engine.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * Jinjava's interpreter with Ansible's output rules: values print like Python, and an expression
 * whose result is undefined (printed, looped over, tested by {@code if}) fails.
 */
final class StrictInterpreter extends JinjavaInterpreter {
  private final RenderSession session;

  StrictInterpreter(Jinjava jinjava, Context context, JinjavaConfig config, RenderSession session) {
    super(jinjava, context, config);
    this.session = session;
  }

  private StrictInterpreter(StrictInterpreter parent) {
    super(parent);
    this.session = parent.session;
  }

  RenderSession session() {
    return session;
  }

  @Override
  public String getAsString(Object value) {
    return PythonRepr.str(value);
  }

  @Override
  public Object resolveELExpression(String expression, int lineNumber) {
    return Strictness.requireDefined(super.resolveELExpression(expression, lineNumber));
  }

  @Override
  public Object resolveELExpression(String expression, int lineNumber, int position) {
    return Strictness.requireDefined(super.resolveELExpression(expression, lineNumber, position));
  }

  /** Keeps child interpreters (macros, includes) strict and attached to the same session. */
  static final class Factory implements InterpreterFactory {
    @Override
    public JinjavaInterpreter newInstance(JinjavaInterpreter parent) {
      return parent instanceof StrictInterpreter strict
          ? new StrictInterpreter(strict)
          : new JinjavaInterpreter(parent);
    }

    @Override
    public JinjavaInterpreter newInstance(Jinjava jinjava, Context context, JinjavaConfig config) {
      return JinjavaInterpreter.getCurrentMaybe()
          .filter(StrictInterpreter.class::isInstance)
          .map(current -> (JinjavaInterpreter)
              new StrictInterpreter(jinjava, context, config, ((StrictInterpreter) current).session))
          .orElseGet(() -> new JinjavaInterpreter(jinjava, context, config));
    }
  }
}
