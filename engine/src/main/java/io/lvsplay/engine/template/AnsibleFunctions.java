package io.lvsplay.engine.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import io.lvsplay.engine.template.lookup.LookupContext;
import io.lvsplay.engine.template.lookup.LookupFailure;
import io.lvsplay.engine.template.lookup.LookupPlugin;
import io.lvsplay.engine.template.lookup.Lookups;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Global functions of Ansible's Jinja2 environment that jinjava lacks: Python's {@code dict()},
 * and {@code lookup()} / {@code query()} / {@code q()}, which run the plugins of
 * {@link io.lvsplay.engine.template.lookup.Lookups}.
 */
final class AnsibleFunctions {
  private AnsibleFunctions() {}

  static void register(Context context) {
    register(context, "dict", "dict");
    register(context, "now", "now");
    register(context, "lookup", "lookup");
    register(context, "query", "query");
    register(context, "q", "query");
    register(context, "__lvsplay_with_lookup", "withLookup");
  }

  private static void register(Context context, String name, String method) {
    try {
      Method target = AnsibleFunctions.class.getDeclaredMethod(method, Object[].class);
      target.setAccessible(true);
      context.registerFunction(new ELFunctionDefinition("", name, target));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Python's dict(): keyword arguments, a mapping, or a list of pairs. */
  static Map<Object, Object> dict(Object... args) {
    Map<Object, Object> result = new LinkedHashMap<>();
    for (Object arg : args) {
      Strictness.requireDefined(arg);
      if (arg instanceof NamedParameter named) {
        result.put(named.getName(), Strictness.requireDefined(named.getValue()));
      } else if (arg instanceof Map<?, ?> map) {
        result.putAll(map);
      } else if (arg instanceof Iterable<?> pairs) {
        for (Object pair : pairs) {
          List<?> items = pair instanceof List<?> list ? list : null;
          if (items == null || items.size() != 2) {
            throw Strictness.fail("dictionary update sequence element has length "
                + (items == null ? "?" : items.size()) + "; 2 is required");
          }
          result.put(items.get(0), items.get(1));
        }
      } else if (arg != null) {
        throw Strictness.fail("'" + Values.typeName(arg) + "' object is not iterable");
      }
    }
    return result;
  }

  /** Ansible's now(utc=False, fmt=None): a datetime, or with fmt its strftime text. */
  static Object now(Object... args) {
    boolean utc = false;
    Object fmt = null;
    int positional = 0;
    for (Object arg : args) {
      Strictness.requireDefined(arg);
      if (arg instanceof NamedParameter named) {
        switch (named.getName()) {
          case "utc" -> utc = Boolean.TRUE.equals(named.getValue());
          case "fmt" -> fmt = named.getValue();
          default -> throw Strictness.fail("now() got an unexpected keyword argument '" + named.getName() + "'");
        }
      } else if (positional++ == 0) {
        utc = Boolean.TRUE.equals(arg);
      } else {
        fmt = arg;
      }
    }
    PythonDatetime time = PythonDatetime.now(utc);
    return fmt == null ? time : time.strftime(String.valueOf(fmt));
  }

  /** lookup(name, terms..., wantlist=False, errors='strict', **options). */
  static Object lookup(Object... args) {
    return runLookup(args, false);
  }

  /** query(name, terms...) and q(): lookup with wantlist=True. */
  static Object query(Object... args) {
    return runLookup(args, true);
  }

  private static Object runLookup(Object[] args, boolean alwaysList) {
    List<Object> positional = new ArrayList<>();
    Map<String, Object> options = new LinkedHashMap<>();
    for (Object arg : args) {
      if (arg instanceof NamedParameter named) {
        options.put(named.getName(), Strictness.requireDefined(named.getValue()));
      } else {
        positional.add(Strictness.requireDefined(arg));
      }
    }
    if (positional.isEmpty()) {
      throw Strictness.fail("lookup() missing the plugin name");
    }
    String plugin = PythonRepr.str(positional.get(0));
    List<Object> terms = new ArrayList<>(positional.subList(1, positional.size()));
    boolean wantlist = alwaysList || Truthiness.isTruthy(options.remove("wantlist"));
    String errors = PythonRepr.str(Optional.ofNullable(options.remove("errors")).orElse("strict"));
    if (!List.of("strict", "warn", "ignore").contains(errors)) {
      throw Strictness.fail("Invalid value '" + errors + "' for 'errors'; must be strict, warn or ignore");
    }
    List<Object> ran;
    try {
      ran = runPlugin(plugin, terms, options);
    } catch (LookupFailure e) {
      if (errors.equals("ignore") || errors.equals("warn")) {
        return wantlist ? new ArrayList<>() : null;
      }
      throw Strictness.fail(e.getMessage());
    }
    if (wantlist || ran.isEmpty()) {
      return ran;
    }
    if (ran.stream().allMatch(CharSequence.class::isInstance)) {
      return String.join(",", ran.stream().map(Object::toString).toList());
    }
    return ran.size() == 1 ? ran.get(0) : ran;
  }

  /**
   * The items of {@code with_NAME: terms}: the lookup's list, a list of terms passed as the
   * lookup's positional terms (a single value becomes a one-term list, as Ansible's listify).
   */
  static Object withLookup(Object... args) {
    String plugin = PythonRepr.str(args[0]);
    Object terms = Strictness.requireDefined(args[1]);
    List<Object> list = new ArrayList<>();
    if (terms instanceof List<?> l) {
      list.addAll(l);
    } else if (terms != null) {
      list.add(terms);
    }
    try {
      return runPlugin(plugin, list, new LinkedHashMap<>());
    } catch (LookupFailure e) {
      throw Strictness.failWithoutLocation(e.getMessage());
    }
  }

  private static List<Object> runPlugin(String plugin, List<Object> terms, Map<String, Object> options) {
    LookupPlugin found = Lookups.find(plugin)
        .orElseThrow(() -> Strictness.fail(Lookups.problem(plugin).orElseThrow()));
    return found.run(terms, options, new RenderLookupContext());
  }

  /** The current render, as lookup plugins see it. */
  private static final class RenderLookupContext implements LookupContext {
    @Override
    public Optional<Object> variable(String name) {
      return Optional.ofNullable(AnsibleFunctions.variable(name));
    }

    @Override
    public Set<String> variableNames() {
      Set<String> names = new LinkedHashSet<>();
      if (JinjavaInterpreter.getCurrent() instanceof StrictInterpreter strict) {
        strict.session().scope().names().forEach(n -> names.add(String.valueOf(n)));
      }
      return names;
    }

    @Override
    public List<Path> searchPath() {
      return AnsibleFunctions.searchPath();
    }

    @Override
    public String str(Object value) {
      return PythonRepr.str(value);
    }

    @Override
    public String render(String text, Map<String, Object> extraVars) {
      JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
      try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
        extraVars.forEach((k, v) -> interpreter.getContext().put(k, v));
        return interpreter.render(TemplateSource.normalize(text));
      }
    }
  }

  /** Ansible's search path for controller files: ansible_search_path, else the role's directory, then the playbook's. */
  static List<Path> searchPath() {
    List<Path> bases = new ArrayList<>();
    Object searchPath = variable("ansible_search_path");
    if (searchPath instanceof Collection<?> paths) {
      paths.forEach(p -> bases.add(Path.of(PythonRepr.str(p))));
      return bases;
    }
    for (String name : List.of("role_path", "playbook_dir")) {
      Object dir = variable(name);
      if (dir != null) {
        bases.add(Path.of(PythonRepr.str(dir)));
      }
    }
    return bases;
  }

  /** A variable of the current render, or null if it is not defined. */
  static Object variable(String name) {
    Object value = lookupVariable(name);
    return value instanceof Undefined ? null : value;
  }

  /** A template's own variable (set, loop) first, then the render's variables; Undefined if none. */
  private static Object lookupVariable(String name) {
    JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
    Context context = interpreter.getContext();
    Object local = context.get(name);
    if (local != null || context.containsKey(name)) {
      return local;
    }
    if (interpreter instanceof StrictInterpreter strict) {
      return strict.session().scope().lookupVariable(name);
    }
    return Undefined.variable(name);
  }
}
