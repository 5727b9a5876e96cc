package io.lvsplay.engine.template;

import com.hubspot.jinjava.util.HasObjectTruthValue;

/**
 * Stands in for a variable, key or attribute that does not exist, like Jinja2's StrictUndefined.
 * It flows through expressions so that {@code default}, {@code is defined} and chained lookups
 * ({@code missing.attr | default(2)}) can see it, and fails as soon as anything uses its value.
 */
record Undefined(String message) implements HasObjectTruthValue {

  static Undefined variable(String name) {
    return new Undefined("'" + name + "' is undefined");
  }

  static Undefined attribute(String owner, Object attribute) {
    return new Undefined("'" + owner + "' has no attribute '" + attribute + "'");
  }

  /** What Ansible's {@code "%r" | format(missing)} prints. */
  String repr() {
    java.util.regex.Matcher name = java.util.regex.Pattern.compile("^'(.*)' is undefined$").matcher(message);
    return name.matches()
        ? "AnsibleUndefined(hint=None, obj=missing, name='" + name.group(1) + "')"
        : "AnsibleUndefined(hint=\"" + message + "\", obj=missing, name=None)";
  }

  /**
   * Jinjava turns operands into text with toString (for {@code ~} and {@code +}); failing here is
   * what makes {@code 'a' ~ missing} an error instead of text containing this object.
   */
  @Override
  public String toString() {
    throw Strictness.fail(message);
  }

  /** Python raises when an undefined value is used in a condition; so do we. */
  @Override
  public boolean getObjectTruthValue() {
    throw Strictness.fail(message);
  }
}
