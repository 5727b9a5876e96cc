package io.lvsplay.engine.template;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Python's and Ansible's notions of true and false. */
final class Truthiness {
  private static final Set<String> TRUE_WORDS = Set.of("yes", "on", "1", "true", "y", "t");

  private Truthiness() {}

  /** Python's {@code bool(value)}: empty strings, collections, zero and None are false. */
  static boolean isTruthy(Object value) {
    Strictness.requireDefined(value);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof Number number) {
      return number.doubleValue() != 0;
    }
    if (value instanceof CharSequence text) {
      return text.length() > 0;
    }
    if (value instanceof Collection<?> collection) {
      return !collection.isEmpty();
    }
    if (value instanceof Map<?, ?> map) {
      return !map.isEmpty();
    }
    return true;
  }

  /** Ansible's {@code bool} filter: yes/on/1/true (any case) are true, everything else false. */
  static boolean ansibleBool(Object value) {
    Strictness.requireDefined(value);
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof Number number) {
      return number.doubleValue() == 1;
    }
    return value != null && TRUE_WORDS.contains(value.toString().trim().toLowerCase(Locale.ROOT));
  }

  /**
   * The outcome of a condition that was written "{{ }}"-wrapped and therefore templated to text:
   * Ansible re-reads such text as an expression, so "False" and "false" mean false.
   */
  static boolean conditionText(String text) {
    String word = text.trim().toLowerCase(Locale.ROOT);
    return switch (word) {
      case "", "false", "no", "none", "0" -> false;
      default -> true;
    };
  }
}
