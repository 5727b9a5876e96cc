package io.lvsplay.engine.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import java.util.Properties;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.javax.el.ExpressionFactory;

/**
 * A Jinjava whose expressions coerce to boolean with Python's bool(). Jinjava builds its expression
 * factory with a fixed converter, so this replaces the factory with an identical one (same syntax
 * builder) around {@link PythonTruthConverter}.
 */
final class PythonJinjava extends Jinjava {
  private final ExpressionFactory expressionFactory;

  PythonJinjava(JinjavaConfig config) {
    super(config);
    Properties properties = new Properties();
    properties.setProperty(TreeBuilder.class.getName(), PythonParser.SyntaxBuilder.class.getName());
    expressionFactory = new ExpressionFactoryImpl(properties, new PythonTruthConverter());
  }

  @Override
  public ExpressionFactory getExpressionFactory() {
    return expressionFactory;
  }
}
