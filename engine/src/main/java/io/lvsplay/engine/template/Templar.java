package io.lvsplay.engine.template;

import com.hubspot.jinjava.Jinjava;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where Jinja2 is evaluated, with Ansible's rules: undefined variables are errors,
 * variables whose values contain Jinja2 are templated when read, values print like Python, and a
 * string that is a single "{{ expr }}" keeps the expression's native type.
 *
 * <p>Create one per run and share it between hosts: it is thread-safe, and building the underlying
 * Jinjava is expensive.
 */
public final class Templar {
  private final Jinjava jinjava = AnsibleJinjava.create();
  /** Environments with other trim_blocks/lstrip_blocks, made when a template asks for them. */
  private final Map<List<Boolean>, Jinjava> blockEnvironments = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile java.util.function.Consumer<String> warnings = message -> { };

  /** Where Ansible's run-time template warnings go (the run's output). */
  public void onWarning(java.util.function.Consumer<String> sink) {
    this.warnings = sink;
  }

  /** Renders a template file's text; {@code source} (the file name) prefixes error messages. */
  public String render(String template, Map<String, Object> vars, String source) {
    checkParses(template, source);
    return session(vars, source).render(template);
  }

  /** The same, with the template module's Jinja2 arguments (delimiters, trim_blocks, lstrip_blocks, newline_sequence). */
  public String render(String template, Map<String, Object> vars, String source, TemplateOptions options) {
    String text = options.toStandard(template);
    checkParses(text, source);
    Jinjava environment = options.trimBlocks() && !options.lstripBlocks() ? jinjava
        : blockEnvironments.computeIfAbsent(List.of(options.trimBlocks(), options.lstripBlocks()),
            key -> AnsibleJinjava.create(key.get(0), key.get(1)));
    return options.newlines(new VariableScope(environment, vars).session(source).render(text));
  }

  /**
   * Templates every string inside {@code value} (maps, lists, nested). A string that is exactly one
   * "{{ expr }}" becomes the expression's value (list, map, number, bool); other templated strings
   * become text; everything else is returned as is.
   */
  public Object template(Object value, Map<String, Object> vars, String source) {
    if (!isTemplated(value)) {
      return value;
    }
    return templateDeep(value, session(vars, source), this);
  }

  /** Evaluates a bare expression such as a {@code when:} item: "x is defined and y|int > 2". */
  public Object evaluate(String expression, Map<String, Object> vars, String source) {
    return session(vars, source).evaluate(expression);
  }

  /**
   * Evaluates a condition with Python truthiness. Accepts a bare expression or one already wrapped
   * in "{{ }}", whose text result "False"/"false" counts as false, as in Ansible.
   */
  public boolean evaluateCondition(String expression, Map<String, Object> vars, String source) {
    RenderSession session = session(vars, source);
    if (!isTemplated(expression)) {
      return Truthiness.isTruthy(session.evaluate(expression));
    }
    // Ansible's Conditional._check_conditional warns, then evaluates the condition all the same
    warnings.accept("conditional statements should not include jinja2 templating delimiters such as {{ }} or {% %}."
        + " Found: " + expression);
    Object templated = session.template(expression);
    if (templated instanceof String text) {
      return RenderSession.singleExpression(expression).isPresent()
          ? Truthiness.conditionText(text)
          : Truthiness.isTruthy(session.evaluate(text));
    }
    return Truthiness.isTruthy(templated);
  }

  /**
   * Checks a template without rendering it, so a broken template is reported before any host is
   * contacted: Jinja2 syntax (unclosed "{{", stray or unknown tags) and every filter and test it
   * names must exist. Throws {@link TemplateError} with the line of the first problem.
   */
  public void checkSyntax(String template, String source) {
    checkParses(template, source);
    for (TemplateNames.Use use : TemplateNames.in(template)) {
      Object registered = use.test()
          ? jinjava.getGlobalContext().getExpTest(use.name())
          : jinjava.getGlobalContext().getFilter(use.name());
      boolean supported = use.test()
          ? Jinja2Catalog.isSupportedTest(use.name(), registered)
          : Jinja2Catalog.isSupportedFilter(use.name(), registered);
      if (!supported) {
        throw new TemplateError(source, use.line(),
            use.test() ? Jinja2Catalog.unknownTest(use.name()) : Jinja2Catalog.unknownFilter(use.name()));
      }
    }
  }

  /** The same check for a bare expression, such as a {@code when:} condition. */
  public void checkExpressionSyntax(String expression, String source) {
    // a condition written as a template ("{{ flag }}") is templated first, as Ansible does
    checkSyntax(isTemplated(expression) ? expression : "{{ " + expression + " }}", source);
  }

  /** Jinja2 refuses to compile these; jinjava renders them as text or quietly skips them. */
  private void checkParses(String template, String source) {
    if (!template.contains("{{") && !template.contains("{%")) {
      return;
    }
    checkDelimiters(template, source, "{{", "}}");
    checkDelimiters(template, source, "{%", "%}");
    synchronized (jinjava.getGlobalContext()) {
      com.hubspot.jinjava.interpret.JinjavaInterpreter interpreter = jinjava.newInterpreter();
      interpreter.parse(TemplateSource.normalize(template));
      for (com.hubspot.jinjava.interpret.TemplateError error : interpreter.getErrors()) {
        if (error.getSeverity() == com.hubspot.jinjava.interpret.TemplateError.ErrorType.FATAL
            || error.getReason() == com.hubspot.jinjava.interpret.TemplateError.ErrorReason.SYNTAX_ERROR
            || error.getReason() == com.hubspot.jinjava.interpret.TemplateError.ErrorReason.UNKNOWN) {
          throw new TemplateError(source, error.getLineno(), "template syntax error: " + error.getMessage());
        }
      }
    }
  }

  /** jinjava treats an unclosed "{{" as text; Jinja2 (and so Ansible) rejects it. */
  private static void checkDelimiters(String template, String source, String open, String close) {
    if (template.contains("{% raw %}") || template.contains("{%raw%}")) {
      return;
    }
    int from = 0;
    while (true) {
      int start = template.indexOf(open, from);
      if (start < 0) {
        return;
      }
      int end = closing(template, start + 2, open, close);
      if (end < 0) {
        int line = 1 + (int) template.substring(0, start).chars().filter(c -> c == '\n').count();
        throw new TemplateError(source, line, "template syntax error: '" + open + "' is never closed with '" + close + "'");
      }
      from = end + 2;
    }
  }

  /** Index of the closer that ends the code starting at {@code from}, skipping string literals; -1 if none. */
  private static int closing(String template, int from, String open, String close) {
    char quote = 0;
    for (int i = from; i < template.length(); i++) {
      char c = template.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (template.startsWith(close, i)) {
        return i;
      } else if (template.startsWith(open, i)) {
        return -1;
      }
    }
    return -1;
  }

  /** True if the value, or any string nested in it, contains "{{" or "{%"; never an {@link UnsafeText}. */
  public static boolean isTemplated(Object value) {
    if (value instanceof UnsafeText) {
      return false;
    }
    if (value instanceof CharSequence text) {
      String string = text.toString();
      return string.contains("{{") || string.contains("{%");
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().anyMatch(e -> isTemplated(e.getKey()) || isTemplated(e.getValue()));
    }
    if (value instanceof Iterable<?> items) {
      for (Object item : items) {
        if (isTemplated(item)) {
          return true;
        }
      }
    }
    return false;
  }

  private RenderSession session(Map<String, Object> vars, String source) {
    return new VariableScope(jinjava, vars).session(source);
  }

  private static Object templateDeep(Object value, RenderSession session, Templar templar) {
    if (value instanceof String text) {
      if (!isTemplated(text)) {
        return text;
      }
      templar.checkParses(text, session.source());
      session.scope().takeUnsafeRead();
      Object result = session.template(text);
      // as Ansible: text made from an unsafe value is unsafe too ("pre {{ raw }}" set as a fact stays literal)
      return session.scope().takeUnsafeRead() && result instanceof String made ? UnsafeText.of(made) : result;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> result = new LinkedHashMap<>();
      map.forEach((key, item) -> result.put(templateDeep(key, session, templar), templateDeep(item, session, templar)));
      return result;
    }
    if (value instanceof List<?> list) {
      List<Object> result = new ArrayList<>(list.size());
      list.forEach(item -> result.add(templateDeep(item, session, templar)));
      return result;
    }
    return value;
  }
}
