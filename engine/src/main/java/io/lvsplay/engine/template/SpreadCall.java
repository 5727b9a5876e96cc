package io.lvsplay.engine.template;

import com.hubspot.jinjava.el.ext.AstMacroFunction;
import com.hubspot.jinjava.el.ext.NamedParameter;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;

/**
 * A function or macro call with {@code *args} or {@code **kwargs} ({@link CallSpread}). jinjava binds
 * one argument per parameter node, so this evaluates the arguments itself, spreading them as Python
 * does: positional arguments first, then keyword arguments, whatever order they were written in.
 */
final class SpreadCall extends AstMacroFunction {
  SpreadCall(String name, int index, AstParameters params, boolean varargs) {
    super(name, index, params, varargs);
  }

  @Override
  protected Object invoke(Bindings bindings, ELContext context, Object base, Method method)
      throws InvocationTargetException, IllegalAccessException {
    List<Object> positional = new ArrayList<>();
    List<Object> named = new ArrayList<>();
    for (int i = 0; i < getParamCount(); i++) {
      AstNode node = getParam(i);
      if (node instanceof CallSpread spread) {
        spread.spreadInto(positional, named, bindings, context);
      } else {
        Object value = node.eval(bindings, context);
        (value instanceof NamedParameter ? named : positional).add(value);
      }
    }
    positional.addAll(named);
    return method.invoke(base, bind(bindings, method, positional));
  }

  /** The arguments as the Java method takes them, the trailing ones packed into its varargs array. */
  private Object[] bind(Bindings bindings, Method method, List<Object> arguments) {
    Class<?>[] types = method.getParameterTypes();
    int fixed = method.isVarArgs() ? types.length - 1 : types.length;
    if (arguments.size() < fixed || (!method.isVarArgs() && arguments.size() > fixed)) {
      throw new ELException(getName() + "() takes " + fixed + " arguments, " + arguments.size() + " given");
    }
    Object[] bound = new Object[types.length];
    for (int i = 0; i < fixed; i++) {
      bound[i] = convert(bindings, arguments.get(i), types[i]);
    }
    if (method.isVarArgs()) {
      Class<?> component = types[fixed].getComponentType();
      Object rest = Array.newInstance(component, arguments.size() - fixed);
      for (int i = fixed; i < arguments.size(); i++) {
        Array.set(rest, i - fixed, convert(bindings, arguments.get(i), component));
      }
      bound[fixed] = rest;
    }
    return bound;
  }

  private static Object convert(Bindings bindings, Object value, Class<?> type) {
    return value == null && !type.isPrimitive() ? null : bindings.convert(value, type);
  }
}
