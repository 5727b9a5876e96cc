package io.lvsplay.engine.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.NullValue;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2's {@code for} tag, replacing jinjava's: {@code for a, b in items if cond recursive},
 * an {@code {% else %}} part rendered when no item is left, and a {@link PythonLoop} as
 * {@code loop}. A string iterates over its characters and a dict over its keys, as in Python.
 */
final class PythonForTag extends ForTag {
  private static final long serialVersionUID = 1L;
  private static final Pattern HEADER = Pattern.compile("\\s*(.+?)\\s+in\\s+(.+?)(?:\\s+(recursive))?\\s*", Pattern.DOTALL);

  @Override
  public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
    Matcher header = HEADER.matcher(tagNode.getHelpers());
    if (!header.matches()) {
      throw new TemplateSyntaxException(tagNode.getHelpers().trim(),
          "Tag 'for' expects 'targets in items', got: " + tagNode.getHelpers(), tagNode.getLineNumber(), tagNode.getStartPosition());
    }
    List<String> targets = new ArrayList<>();
    for (String target : header.group(1).replaceAll("^\\(|\\)$", "").split(",")) {
      if (!target.isBlank()) {
        targets.add(target.trim());
      }
    }
    String[] iterable = splitCondition(header.group(2));
    Loop loop = new Loop(tagNode, targets, iterable[1], header.group(3) != null);
    Object collection = interpreter.resolveELExpression(iterable[0], tagNode.getLineNumber());
    return loop.render(interpreter, collection, 1);
  }

  /** Splits "items if cond" at a top-level "if" (outside brackets and strings); [items, cond or null]. */
  static String[] splitCondition(String expression) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if ("([{".indexOf(c) >= 0) {
        depth++;
      } else if (")]}".indexOf(c) >= 0) {
        depth--;
      } else if (depth == 0 && expression.startsWith("if", i) && i > 0 && Character.isWhitespace(expression.charAt(i - 1))
          && i + 2 < expression.length() && Character.isWhitespace(expression.charAt(i + 2))) {
        return new String[] {expression.substring(0, i).trim(), expression.substring(i + 2).trim()};
      }
    }
    return new String[] {expression.trim(), null};
  }

  private static final class Loop {
    private final TagNode tagNode;
    private final List<String> targets;
    private final String condition;
    private final boolean recursive;
    private final List<Node> body = new ArrayList<>();
    private final List<Node> otherwise = new ArrayList<>();

    Loop(TagNode tagNode, List<String> targets, String condition, boolean recursive) {
      this.tagNode = tagNode;
      this.targets = targets;
      this.condition = condition;
      this.recursive = recursive;
      boolean inElse = false;
      for (Node child : tagNode.getChildren()) {
        if (child instanceof TagNode tag && tag.getName().equals("else")) {
          inElse = true;
        } else {
          (inElse ? otherwise : body).add(child);
        }
      }
    }

    String render(JinjavaInterpreter interpreter, Object collection, int depth) {
      List<Object> items = new ArrayList<>();
      for (Object item : Values.toList(collection)) {
        if (condition == null || matches(interpreter, item)) {
          items.add(item);
        }
      }
      StringBuilder out = new StringBuilder();
      if (items.isEmpty()) {
        try (var scope = interpreter.enterScope()) {
          renderAll(otherwise, interpreter, out);
        }
        return out.toString();
      }
      PythonLoop loop = new PythonLoop(items, depth);
      try (var scope = interpreter.enterScope()) {
        Context context = interpreter.getContext();
        context.put(LOOP, loop);
        if (recursive) {
          context.addGlobalMacro(new Recurse(this, interpreter, depth));
        }
        for (Object item : items) {
          loop.advance();
          bind(context, interpreter.wrap(item));
          renderAll(body, interpreter, out);
        }
      }
      return out.toString();
    }

    private boolean matches(JinjavaInterpreter interpreter, Object item) {
      try (var scope = interpreter.enterScope()) {
        bind(interpreter.getContext(), interpreter.wrap(item));
        return Truthiness.isTruthy(interpreter.resolveELExpression(condition, tagNode.getLineNumber()));
      }
    }

    private void bind(Context context, Object item) {
      if (targets.size() == 1) {
        context.put(targets.get(0), item == null ? NullValue.INSTANCE : item);
        return;
      }
      List<Object> values = item instanceof Map.Entry<?, ?> entry
          ? List.of(entry.getKey(), entry.getValue())
          : item instanceof List<?> list ? new ArrayList<>(list) : null;
      if (values == null || values.size() != targets.size()) {
        throw Strictness.fail(values == null
            ? "cannot unpack non-iterable " + Values.typeName(item) + " object"
            : (values.size() < targets.size() ? "not enough values to unpack (expected " : "too many values to unpack (expected ")
                + targets.size() + ", got " + values.size() + ")");
      }
      for (int i = 0; i < targets.size(); i++) {
        Object value = values.get(i);
        context.put(targets.get(i), value == null ? NullValue.INSTANCE : value);
      }
    }

    private static void renderAll(List<Node> nodes, JinjavaInterpreter interpreter, StringBuilder out) {
      for (Node node : nodes) {
        out.append(node.render(interpreter).getValue());
      }
    }
  }

  /** {@code loop(children)} in a recursive loop: the same body over other items, one level deeper. */
  private static final class Recurse extends MacroFunction {
    private final transient Loop loop;
    private final int depth;

    Recurse(Loop loop, JinjavaInterpreter interpreter, int depth) {
      super(List.of(), LOOP, arguments(), false, interpreter.getContext(), loop.tagNode.getLineNumber(), 0);
      this.loop = loop;
      this.depth = depth;
    }

    private static LinkedHashMap<String, Object> arguments() {
      LinkedHashMap<String, Object> arguments = new LinkedHashMap<>();
      arguments.put("items", null);
      return arguments;
    }

    @Override
    public Object doEvaluate(Map<String, Object> argMap, Map<String, Object> kwargMap, List<Object> varArgs) {
      return loop.render(JinjavaInterpreter.getCurrent(), argMap.get("items"), depth + 1);
    }
  }
}
