package io.lvsplay.engine.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.AdvancedFilter;
import java.util.Arrays;
import java.util.Map;

/** A filter defined by a name and a function, so each Ansible filter is a one-liner to register. */
record NamedFilter(String name, Body body) implements AdvancedFilter {

  @FunctionalInterface
  interface Body {
    Object apply(Object input, FilterArgs args);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Object filter(
      Object input, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
    return body.apply(input, new FilterArgs(Arrays.asList(args), kwargs));
  }
}
