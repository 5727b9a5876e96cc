package io.lvsplay.engine.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.objects.collections.PyMap;
import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Runs before jinjava's own resolvers. Jinjava answers null for a missing dict key, which would
 * render as an empty string; Ansible fails instead, so a missing key resolves to {@link Undefined}
 * (and so does any attribute of an undefined value, which lets {@code missing.attr | default(2)} work).
 * It also adds Python's {@code dict.get(key, default)}, Python's str methods ({@link PythonStrings})
 * and Python's integer subscripts of text and negative ones of lists; a list index out of range
 * is undefined, as in Jinja2.
 */
final class StrictResolver extends ELResolver {

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base instanceof Undefined) {
      context.setPropertyResolved(true);
      return base;
    }
    Integer index = index(property);
    if (index != null && (base instanceof CharSequence || (base instanceof java.util.List<?> list && (index < 0 || index >= list.size())))) {
      context.setPropertyResolved(true);
      return item(base, index);
    }
    if (base instanceof Map<?, ?> map && !hasKey(map, property)) {
      context.setPropertyResolved(true);
      return Undefined.attribute(describe(map), property);
    }
    return null;
  }

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base instanceof Map<?, ?> map && "get".equals(method) && params != null && params.length == 2) {
      context.setPropertyResolved(true);
      Object value = map.containsKey(params[0]) ? map.get(params[0]) : params[1];
      return JinjavaInterpreter.getCurrent().wrap(value);
    }
    if ((base instanceof String || base instanceof UnsafeText) && method instanceof String name) {
      Optional<Object> result = PythonStrings.invoke(base.toString(), name, params);
      if (result.isPresent()) {
        context.setPropertyResolved(true);
        return JinjavaInterpreter.getCurrent().wrap(result.get());
      }
    }
    return null;
  }

  /** An integer subscript; jinjava hands {@code x[0]} over as the text "0". */
  private static Integer index(Object property) {
    if (property instanceof Integer || property instanceof Long) {
      return ((Number) property).intValue();
    }
    if (property instanceof String text && text.matches("-?\\d{1,9}")) {
      return Integer.parseInt(text);
    }
    return null;
  }

  /** Python's {@code seq[i]}: counted from the end when negative; a string's i-th character. */
  private static Object item(Object base, int index) {
    int length = base instanceof CharSequence text ? text.length() : ((java.util.List<?>) base).size();
    int at = index < 0 ? index + length : index;
    if (at < 0 || at >= length) {
      return new Undefined((base instanceof CharSequence ? "string" : "list") + " index out of range");
    }
    if (base instanceof CharSequence text) {
      return String.valueOf(text.charAt(at));
    }
    return JinjavaInterpreter.getCurrent().wrap(((java.util.List<?>) base).get(at));
  }

  /** Jinjava passes keys as strings, so {@code d[1]} must also find an integer key 1. */
  private static boolean hasKey(Map<?, ?> map, Object property) {
    if (map.containsKey(property)) {
      return true;
    }
    String name = String.valueOf(property);
    for (Object key : map.keySet()) {
      if (String.valueOf(key).equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Map<?, ?> map) {
    Map<?, ?> unwrapped = map instanceof PyMap py ? py.toMap() : map;
    return unwrapped instanceof LazyMap lazy ? lazy.path() : "dict object";
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    // Assignments are left to jinjava's resolvers.
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return Object.class;
  }
}
