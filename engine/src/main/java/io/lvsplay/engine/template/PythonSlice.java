package io.lvsplay.engine.template;

import java.util.ArrayList;
import java.util.List;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/** Python's {@code seq[start:stop:step]} on text, lists and tuples, negative bounds and steps included. */
final class PythonSlice extends AstRightValue {
  private final AstNode base;
  private final AstNode start;
  private final AstNode stop;
  private final AstNode step;

  PythonSlice(AstNode base, AstNode start, AstNode stop, AstNode step) {
    this.base = base;
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  @Override
  public Object eval(Bindings bindings, ELContext context) {
    Object value = Strictness.requireDefined(base.eval(bindings, context));
    Long from = bound(start, bindings, context);
    Long to = bound(stop, bindings, context);
    Long by = bound(step, bindings, context);
    if (value instanceof CharSequence text) {
      StringBuilder out = new StringBuilder();
      int[] points = text.toString().codePoints().toArray();
      for (int index : indices(points.length, from, to, by)) {
        out.appendCodePoint(points[index]);
      }
      return value instanceof UnsafeText ? UnsafeText.of(out.toString()) : out.toString();
    }
    List<Object> items = Values.toList(value);
    List<Object> result = new ArrayList<>();
    for (int index : indices(items.size(), from, to, by)) {
      result.add(items.get(index));
    }
    return value instanceof PythonTuple ? new PythonTuple(result) : result;
  }

  private static Long bound(AstNode node, Bindings bindings, ELContext context) {
    if (node == null) {
      return null;
    }
    Object value = Strictness.requireDefined(node.eval(bindings, context));
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number) || number instanceof Double || number instanceof Float) {
      throw new IllegalArgumentException("slice indices must be integers or None, not " + Values.typeName(value));
    }
    return number.longValue();
  }

  /** The indices Python's slice(start, stop, step).indices(length) walks through. */
  static List<Integer> indices(int length, Long start, Long stop, Long step) {
    long by = step == null ? 1 : step;
    if (by == 0) {
      throw new IllegalArgumentException("slice step cannot be zero");
    }
    long from;
    long to;
    if (by > 0) {
      from = start == null ? 0 : clamp(start, length, 0, length);
      to = stop == null ? length : clamp(stop, length, 0, length);
    } else {
      from = start == null ? length - 1 : clamp(start, length, -1, length - 1);
      to = stop == null ? -1 : clamp(stop, length, -1, length - 1);
    }
    List<Integer> indices = new ArrayList<>();
    for (long i = from; by > 0 ? i < to : i > to; i += by) {
      indices.add((int) i);
    }
    return indices;
  }

  private static long clamp(long index, int length, long low, long high) {
    long absolute = index < 0 ? index + length : index;
    return Math.max(low, Math.min(high, absolute));
  }

  @Override
  public void appendStructure(StringBuilder builder, Bindings bindings) {
    base.appendStructure(builder, bindings);
    builder.append("[");
    append(start, builder, bindings);
    builder.append(":");
    append(stop, builder, bindings);
    builder.append(":");
    append(step, builder, bindings);
    builder.append("]");
  }

  private static void append(AstNode node, StringBuilder builder, Bindings bindings) {
    if (node != null) {
      node.appendStructure(builder, bindings);
    }
  }

  @Override
  public int getCardinality() {
    return 1;
  }

  @Override
  public AstNode getChild(int i) {
    return i == 0 ? base : null;
  }

  @Override
  public String toString() {
    return "slice";
  }
}
