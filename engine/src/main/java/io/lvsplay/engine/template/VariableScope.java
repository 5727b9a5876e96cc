package io.lvsplay.engine.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The variables of one {@link Templar} call, shared by the top-level render and every nested render
 * of a variable's own template, so that a variable that refers back to itself is caught.
 */
final class VariableScope implements LazyValues.VariableTemplater {
  private final Jinjava jinjava;
  private final LazyMap vars;
  private final Deque<String> inProgress = new ArrayDeque<>();
  private boolean unsafeRead;

  @SuppressWarnings("unchecked")
  VariableScope(Jinjava jinjava, Map<String, ?> vars) {
    this.jinjava = jinjava;
    this.vars = new LazyMap((Map<Object, Object>) (Map<?, ?>) vars, null, this);
  }

  Jinjava jinjava() {
    return jinjava;
  }

  /** The names of the call's variables (for the varnames lookup). */
  java.util.Set<Object> names() {
    return vars.keySet();
  }

  RenderSession session(String source) {
    return new RenderSession(this, source);
  }

  /** Called by jinjava for a name that is not a local of the template (set, loop, macro). */
  Object lookupVariable(String name) {
    if (vars.containsKey(name)) {
      return vars.get(name);
    }
    if (JinjavaInterpreter.getCurrent().getContext().containsKey(name)) {
      return null;
    }
    return switch (name) {
      // Jinjava looks Python's constants up as variables; Jinja2 knows both spellings.
      case "none", "None" -> null;
      case "true", "True" -> Boolean.TRUE;
      case "false", "False" -> Boolean.FALSE;
      default -> Undefined.variable(name);
    };
  }

  @Override
  public void readUnsafe() {
    unsafeRead = true;
  }

  /** Whether a template read an unsafe value since the last call (which clears it). */
  boolean takeUnsafeRead() {
    boolean read = unsafeRead;
    unsafeRead = false;
    return read;
  }

  @Override
  public Object templateVariable(String path, String rawTemplate) {
    if (inProgress.contains(path)) {
      throw Strictness.fail("recursive loop detected in template string: " + path);
    }
    inProgress.push(path);
    try {
      return session("variable '" + path + "'").template(rawTemplate);
    } catch (TemplateError e) {
      throw Strictness.fail(e.detail());
    } finally {
      inProgress.pop();
    }
  }
}
