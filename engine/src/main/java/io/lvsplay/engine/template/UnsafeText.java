package io.lvsplay.engine.template;

import java.util.List;
import java.util.Map;

/**
 * A string Ansible never templates (YAML {@code !unsafe}, AnsibleUnsafeText): its "{{ }}" stays
 * literal wherever the value travels (variables, set_fact, module args, loops, lists and dicts).
 * Everywhere else it is its plain text: equality, hashing, output and string filters.
 */
public final class UnsafeText implements CharSequence, Comparable<UnsafeText> {
  private final String text;

  private UnsafeText(String text) {
    this.text = text;
  }

  /**
   * The unsafe form of {@code text}. Text without "{{" or "{%" would never be templated anyway, so
   * it stays a plain String: map keys, string filters and module arguments see what they expect.
   */
  public static CharSequence of(String text) {
    return text.contains("{{") || text.contains("{%") ? new UnsafeText(text) : text;
  }

  /** Marks every string in {@code value} (keys, items, nested) unsafe, as Ansible's wrap_var does. */
  public static Object wrap(Object value) {
    if (value instanceof CharSequence text) {
      return text instanceof UnsafeText ? text : of(text.toString());
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(wrap(k), wrap(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(UnsafeText::wrap).collect(java.util.stream.Collectors.toList());
    }
    return value;
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int index) {
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public int compareTo(UnsafeText other) {
    return text.compareTo(other.text);
  }

  /** Equal to another unsafe text or a plain String of the same characters. */
  @Override
  public boolean equals(Object other) {
    return other instanceof UnsafeText u ? text.equals(u.text) : text.equals(other);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
