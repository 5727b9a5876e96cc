package io.lvsplay.engine.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Global functions of Ansible's Jinja2 environment that jinjava lacks: Python's {@code dict()},
 * and {@code lookup()} / {@code query()} / {@code q()} with the controller-side plugins
 * {@code env}, {@code file}, {@code pipe} and {@code vars}.
 */
final class AnsibleFunctions {
  private static final String BUILTIN_PREFIX = "ansible.builtin.";

  private AnsibleFunctions() {}

  static void register(Context context) {
    register(context, "dict", "dict");
    register(context, "lookup", "lookup");
    register(context, "query", "query");
    register(context, "q", "query");
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
        throw Strictness.fail("'" + PythonStrings.TypeNames.of(arg) + "' object is not iterable");
      }
    }
    return result;
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
    if (plugin.startsWith(BUILTIN_PREFIX)) {
      plugin = plugin.substring(BUILTIN_PREFIX.length());
    }
    List<Object> terms = positional.subList(1, positional.size());
    boolean wantlist = alwaysList || Truthiness.isTruthy(options.remove("wantlist"));
    String errors = PythonRepr.str(Optional.ofNullable(options.remove("errors")).orElse("strict"));

    List<Object> ran;
    try {
      ran = switch (plugin) {
        case "env" -> env(terms, options);
        case "file" -> file(terms, options);
        case "pipe" -> pipe(terms);
        case "vars" -> vars(terms, options);
        default -> throw Strictness.fail("lookup plugin (" + plugin + ") not found");
      };
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

  /** A lookup failure that {@code errors='ignore'} may swallow. */
  private static final class LookupFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LookupFailure(String message) {
      super(message);
    }
  }

  private static List<Object> env(List<Object> terms, Map<String, Object> options) {
    Object fallback = options.getOrDefault("default", "");
    List<Object> values = new ArrayList<>();
    for (Object term : terms) {
      String name = PythonStrings.split(PythonRepr.str(term), null, -1).stream()
          .findFirst().map(Object::toString).orElse("");
      String value = name.isEmpty() ? null : System.getenv(name);
      values.add(value != null ? value : fallback);
    }
    return values;
  }

  private static List<Object> file(List<Object> terms, Map<String, Object> options) {
    boolean lstrip = Truthiness.isTruthy(options.getOrDefault("lstrip", false));
    boolean rstrip = Truthiness.isTruthy(options.getOrDefault("rstrip", true));
    List<Object> contents = new ArrayList<>();
    for (Object term : terms) {
      String name = PythonRepr.str(term);
      Path path = findFile(name)
          .orElseThrow(() -> new LookupFailure("could not locate file in lookup: " + name));
      String text;
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw new LookupFailure("could not read file in lookup: " + name + ": " + e.getMessage());
      }
      contents.add(PythonStrings.strip(text, null, lstrip, rstrip));
    }
    return contents;
  }

  /**
   * Ansible's search for a controller file: an absolute path as is; else, for each entry of
   * {@code ansible_search_path} (or the role's and the playbook's directory), "files/NAME" then
   * "NAME"; last the current directory.
   */
  private static Optional<Path> findFile(String name) {
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    Path given = Path.of(name);
    if (given.isAbsolute()) {
      return Files.isRegularFile(given) ? Optional.of(given) : Optional.empty();
    }
    List<String> bases = new ArrayList<>();
    Object searchPath = variable("ansible_search_path");
    if (searchPath instanceof Collection<?> paths) {
      paths.forEach(p -> bases.add(PythonRepr.str(p)));
    } else {
      Object rolePath = variable("role_path");
      Object playbookDir = variable("playbook_dir");
      if (rolePath != null) {
        bases.add(PythonRepr.str(rolePath));
      }
      if (playbookDir != null) {
        bases.add(PythonRepr.str(playbookDir));
      }
    }
    bases.add(System.getProperty("user.dir"));
    for (String base : bases) {
      for (Path candidate : List.of(Path.of(base, "files", name), Path.of(base, name))) {
        if (Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Runs each term with /bin/sh on the controller, in the playbook's directory; the output, less
   * trailing whitespace. Note that renders are serialized, so a slow command holds up the others.
   */
  private static List<Object> pipe(List<Object> terms) {
    Object playbookDir = variable("playbook_dir");
    List<Object> outputs = new ArrayList<>();
    for (Object term : terms) {
      String command = PythonRepr.str(term);
      ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      if (playbookDir != null && Files.isDirectory(Path.of(PythonRepr.str(playbookDir)))) {
        builder.directory(new java.io.File(PythonRepr.str(playbookDir)));
      }
      try {
        Process process = builder.start();
        byte[] stdout = process.getInputStream().readAllBytes();
        int code = process.waitFor();
        if (code != 0) {
          throw new LookupFailure("lookup_plugin.pipe(" + command + ") returned " + code);
        }
        outputs.add(PythonStrings.strip(new String(stdout, StandardCharsets.UTF_8), null, false, true));
      } catch (IOException e) {
        throw new LookupFailure("lookup_plugin.pipe(" + command + ") failed: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LookupFailure("lookup_plugin.pipe(" + command + ") was interrupted");
      }
    }
    return outputs;
  }

  private static List<Object> vars(List<Object> terms, Map<String, Object> options) {
    List<Object> values = new ArrayList<>();
    for (Object term : terms) {
      String name = PythonRepr.str(term);
      Object value = lookupVariable(name);
      if (value instanceof Undefined) {
        if (!options.containsKey("default")) {
          throw new LookupFailure("No variable found with this name: " + name);
        }
        value = options.get("default");
      }
      values.add(value);
    }
    return values;
  }

  /** A variable of the current render, or null if it is not defined. */
  private static Object variable(String name) {
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
