package io.lvsplay.engine.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.objects.collections.PyList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A Jinja2 test ({@code x is name(args)}) defined by a name and a predicate. */
record NamedTest(String name, Body body, boolean takesSeveralArguments) implements ExpTest {

  NamedTest(String name, Body body) {
    this(name, body, false);
  }

  /** For tests with more than one argument, e.g. {@code version('1.9', '>')}. */
  static NamedTest withSeveralArguments(String name, Body body) {
    return new NamedTest(name, body, true);
  }

  @FunctionalInterface
  interface Body {
    boolean test(Object input, FilterArgs args);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean evaluate(Object input, JinjavaInterpreter interpreter, Object... args) {
    return body.test(input, new FilterArgs(arguments(args), Map.of()));
  }

  /**
   * Jinjava hands a test's arguments over as one tuple (a {@link PythonTuple} or bare PyList; list literals arrive as
   * a SizeLimitingPyList) and drops keyword names, so a tuple is spread back into positions.
   */
  private List<Object> arguments(Object[] args) {
    if (takesSeveralArguments && args.length == 1 && args[0] != null
        && (args[0].getClass() == PyList.class || args[0] instanceof PythonTuple)) {
      return new ArrayList<>((List<?>) args[0]);
    }
    return Arrays.asList(args);
  }
}
