package io.lvsplay.engine.template;

import java.util.List;
import java.util.Map;

/**
 * Wraps variable values on access so that strings containing Jinja2 are templated only when a
 * template actually reads them, like Ansible does (vars are never templated eagerly: hostvars can
 * be big). {@code path} names the value in error messages and for cycle detection.
 */
final class LazyValues {
  /** Templates one variable's string value, detecting cycles by path. */
  interface VariableTemplater {
    Object templateVariable(String path, String rawTemplate);

    /** A template read an {@link UnsafeText}: Ansible then marks the whole result unsafe. */
    default void readUnsafe() {}
  }

  private LazyValues() {}

  @SuppressWarnings("unchecked")
  static Object wrap(Object raw, String path, VariableTemplater templater) {
    if (raw instanceof String text && Templar.isTemplated(text)) {
      return templater.templateVariable(path, text);
    }
    if (raw instanceof UnsafeText) {
      templater.readUnsafe();
      return raw;
    }
    if (raw instanceof LazyMap || raw instanceof LazyList) {
      return raw;
    }
    if (raw instanceof Map<?, ?> map) {
      return new LazyMap((Map<Object, Object>) map, path, templater);
    }
    if (raw instanceof List<?> list) {
      return new LazyList((List<Object>) list, path, templater);
    }
    return raw;
  }

  static String childPath(String parent, Object key) {
    String name = String.valueOf(key);
    if (parent == null) {
      return name;
    }
    if (key instanceof String && name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return parent + "." + name;
    }
    return parent + "[" + PythonRepr.repr(key) + "]";
  }
}
