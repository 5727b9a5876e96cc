package io.lvsplay.engine.template;

import java.util.List;
import java.util.Objects;

/**
 * Jinja2's {@code loop} inside a {@code for}: index, index0, revindex, revindex0, first, last,
 * length, depth, depth0, previtem, nextitem, cycle(...) and changed(...). Calling
 * {@code loop(items)} in a {@code recursive} loop is handled by {@link PythonForTag}.
 */
public final class PythonLoop {
  private final List<Object> items;
  private final int depth;
  private int position = -1;
  private boolean changedCalled;
  private Object lastChanged;

  PythonLoop(List<Object> items, int depth) {
    this.items = items;
    this.depth = depth;
  }

  void advance() {
    position++;
  }

  public int getIndex() {
    return position + 1;
  }

  public int getIndex0() {
    return position;
  }

  public int getRevindex() {
    return items.size() - position;
  }

  public int getRevindex0() {
    return items.size() - position - 1;
  }

  public boolean isFirst() {
    return position == 0;
  }

  public boolean isLast() {
    return position == items.size() - 1;
  }

  public int getLength() {
    return items.size();
  }

  public int getDepth() {
    return depth;
  }

  public int getDepth0() {
    return depth - 1;
  }

  public Object getPrevitem() {
    return position > 0 ? items.get(position - 1) : new Undefined("there is no previous item");
  }

  public Object getNextitem() {
    return position + 1 < items.size() ? items.get(position + 1) : new Undefined("there is no next item");
  }

  /** The argument at the current index, modulo their number. */
  public Object cycle(Object... values) {
    if (values.length == 0) {
      throw Strictness.fail("no items for cycling given");
    }
    return values[position % values.length];
  }

  /** True on the first call and whenever the value differs from the previous call's. */
  public boolean changed(Object... values) {
    Object value = values.length == 1 ? values[0] : List.of(values);
    boolean changed = !changedCalled || !Objects.equals(value, lastChanged);
    changedCalled = true;
    lastChanged = value;
    return changed;
  }

  @Override
  public String toString() {
    return "<LoopContext " + getIndex() + "/" + getLength() + ">";
  }
}
