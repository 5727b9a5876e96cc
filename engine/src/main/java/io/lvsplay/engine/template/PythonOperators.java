package io.lvsplay.engine.template;

import com.hubspot.jinjava.el.ext.AstTuple;
import com.hubspot.jinjava.objects.SafeString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/**
 * The binary operators whose Python meaning differs from Java EL's: {@code 'x' * 3} repeats,
 * {@code "%s:%d" % (ip, port)} formats, {@code a and b} / {@code a or b} return an operand (not a
 * boolean), and {@code ==} never converts ({@code '8080' == 8080} is false, {@code 1 == 1.0} true).
 * Anything else falls through to jinjava's operator.
 */
final class PythonOperators {
  private PythonOperators() {}

  static AstBinary.Operator of(AstBinary.Operator operator) {
    if (operator == AstBinary.AND) {
      return (bindings, context, left, right) -> {
        Object value = left.eval(bindings, context);
        return Truthiness.isTruthy(value) ? right.eval(bindings, context) : value;
      };
    }
    if (operator == AstBinary.OR) {
      return (bindings, context, left, right) -> {
        Object value = left.eval(bindings, context);
        return Truthiness.isTruthy(value) ? value : right.eval(bindings, context);
      };
    }
    if (operator == AstBinary.EQ || operator == AstBinary.NE) {
      boolean equal = operator == AstBinary.EQ;
      return (bindings, context, left, right) -> {
        Object a = left.eval(bindings, context);
        Object b = right.eval(bindings, context);
        if (a instanceof Undefined || b instanceof Undefined) {
          return operator.eval(bindings, context, new Evaluated(a), new Evaluated(b));
        }
        return equals(a, b) == equal;
      };
    }
    if (operator == AstBinary.MUL) {
      return (bindings, context, left, right) -> {
        Object a = left.eval(bindings, context);
        Object b = right.eval(bindings, context);
        Object repeated = isText(a) && isInteger(b) ? repeat(a.toString(), b)
            : isInteger(a) && isText(b) ? repeat(b.toString(), a)
            : a instanceof List<?> list && isInteger(b) ? repeat(list, b)
            : null;
        return repeated != null ? repeated : operator.eval(bindings, context, new Evaluated(a), new Evaluated(b));
      };
    }
    if (operator == AstBinary.MOD) {
      return (bindings, context, left, right) -> {
        Object a = left.eval(bindings, context);
        Object b = right.eval(bindings, context);
        if (isText(a)) {
          return PythonPercentFormat.format(a.toString(), b);
        }
        return operator.eval(bindings, context, new Evaluated(a), new Evaluated(b));
      };
    }
    return operator;
  }

  /** Python's {@code ==}: numbers (and booleans) by value, text with text, containers item by item. */
  static boolean equals(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (isNumeric(a) && isNumeric(b)) {
      return Values.compare(numeric(a), numeric(b)) == 0;
    }
    if (isText(a) || isText(b)) {
      return isText(a) && isText(b) && a.toString().equals(b.toString());
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> entry : x.entrySet()) {
        if (!y.containsKey(entry.getKey()) || !equals(entry.getValue(), y.get(entry.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      // a tuple never equals a list in Python
      if ((x instanceof PythonTuple) != (y instanceof PythonTuple) || x.size() != y.size()) {
        return false;
      }
      Iterator<?> other = y.iterator();
      for (Object item : x) {
        if (!equals(item, other.next())) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static boolean isNumeric(Object value) {
    return value instanceof Number || value instanceof Boolean;
  }

  private static Number numeric(Object value) {
    return value instanceof Boolean bool ? (bool ? 1 : 0) : (Number) value;
  }

  private static boolean isText(Object value) {
    return value instanceof String || value instanceof SafeString || value instanceof UnsafeText;
  }

  private static boolean isInteger(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
  }

  private static String repeat(String text, Object times) {
    return text.repeat((int) Math.max(0, ((Number) times).longValue()));
  }

  private static List<Object> repeat(List<?> list, Object times) {
    List<Object> result = new ArrayList<>();
    for (long i = 0; i < ((Number) times).longValue(); i++) {
      result.addAll(list);
    }
    return list instanceof PythonTuple ? new PythonTuple(result) : result;
  }

  /** An already evaluated operand, so a fallback to jinjava's operator does not evaluate twice. */
  static final class Evaluated extends AstRightValue {
    private final Object value;

    Evaluated(Object value) {
      this.value = value;
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
      return value;
    }

    @Override
    public void appendStructure(StringBuilder builder, Bindings bindings) {
      builder.append(value);
    }

    @Override
    public int getCardinality() {
      return 0;
    }

    @Override
    public AstNode getChild(int i) {
      return null;
    }

    @Override
    public String toString() {
      return String.valueOf(value);
    }
  }

  /** {@code (1, 2)}: a {@link PythonTuple}, which prints and compares as Python's tuple. */
  static final class TupleLiteral extends AstTuple {
    TupleLiteral(AstParameters parameters) {
      super(parameters);
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
      Object value = super.eval(bindings, context);
      return value instanceof Collection<?> items ? new PythonTuple(items) : value;
    }
  }
}
