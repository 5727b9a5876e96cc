package io.lvsplay.engine.template;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** A read-only view of a variables map whose values are templated when read. */
final class LazyMap extends AbstractMap<Object, Object> {
  private final Map<Object, Object> raw;
  private final String path;
  private final LazyValues.VariableTemplater templater;

  LazyMap(Map<Object, Object> raw, String path, LazyValues.VariableTemplater templater) {
    this.raw = raw;
    this.path = path;
    this.templater = templater;
  }

  /** How error messages name this map, e.g. {@code hostvars['rs1']}. */
  String path() {
    return path == null ? "vars" : path;
  }

  @Override
  public boolean containsKey(Object key) {
    return raw.containsKey(key);
  }

  @Override
  public Object get(Object key) {
    if (!raw.containsKey(key)) {
      return null;
    }
    return LazyValues.wrap(raw.get(key), LazyValues.childPath(path, key), templater);
  }

  @Override
  public int size() {
    return raw.size();
  }

  /** The raw keys: listing keys must not template every value. */
  @Override
  public Set<Object> keySet() {
    return java.util.Collections.unmodifiableSet(raw.keySet());
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Object, Object>> iterator() {
        Iterator<Entry<Object, Object>> entries = raw.entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return entries.hasNext();
          }

          @Override
          public Entry<Object, Object> next() {
            Entry<Object, Object> entry = entries.next();
            Object value =
                LazyValues.wrap(entry.getValue(), LazyValues.childPath(path, entry.getKey()), templater);
            return new SimpleImmutableEntry<>(entry.getKey(), value);
          }
        };
      }

      @Override
      public int size() {
        return raw.size();
      }
    };
  }
}
