package io.lvsplay.engine.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.AdvancedFilter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;

/**
 * Jinja2's {@code select} and {@code reject} without a test name keep or drop the items that are
 * true by Python's bool(); jinjava requires the name, so an absent one becomes "truthy".
 */
record TruthyByDefaultFilter(Filter delegate) implements AdvancedFilter {

  @Override
  public String getName() {
    return delegate.getName();
  }

  @Override
  public Object filter(
      Object input, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
    Object[] testAndArgs = args.length == 0 ? new Object[] {"truthy"} : args;
    return delegate.filter(input, interpreter, testAndArgs, kwargs);
  }
}
