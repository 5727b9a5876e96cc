package io.lvsplay.engine.template;

import java.util.AbstractList;
import java.util.List;

/** A read-only view of a list variable whose items are templated when read. */
final class LazyList extends AbstractList<Object> {
  private final List<Object> raw;
  private final String path;
  private final LazyValues.VariableTemplater templater;

  LazyList(List<Object> raw, String path, LazyValues.VariableTemplater templater) {
    this.raw = raw;
    this.path = path;
    this.templater = templater;
  }

  @Override
  public Object get(int index) {
    return LazyValues.wrap(raw.get(index), path + "[" + index + "]", templater);
  }

  @Override
  public int size() {
    return raw.size();
  }
}
