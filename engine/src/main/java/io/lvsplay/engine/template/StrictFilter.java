package io.lvsplay.engine.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.AdvancedFilter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;

/**
 * Wraps a filter so that feeding it an undefined value fails, as in Ansible, instead of letting the
 * filter treat it as some object. Filters that are about undefined values are not wrapped.
 */
record StrictFilter(Filter delegate) implements AdvancedFilter {

  @Override
  public String getName() {
    return delegate.getName();
  }

  @Override
  public Object filter(
      Object input, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
    Strictness.requireDefined(input);
    for (Object arg : args) {
      Strictness.requireDefined(arg);
    }
    kwargs.values().forEach(Strictness::requireDefined);
    // jinjava's string filters look for a String: unsafe text filters as its plain text
    return delegate.filter(input instanceof UnsafeText ? input.toString() : input, interpreter, args, kwargs);
  }

  /** The same rule for tests: {@code missing is string} fails, only defined/undefined may see it. */
  record Test(ExpTest delegate) implements ExpTest {
    @Override
    public String getName() {
      return delegate.getName();
    }

    @Override
    public boolean evaluate(Object input, JinjavaInterpreter interpreter, Object... args) {
      Strictness.requireDefined(input);
      for (Object arg : args) {
        Strictness.requireDefined(arg);
      }
      return delegate.evaluate(input, interpreter, args);
    }
  }
}
