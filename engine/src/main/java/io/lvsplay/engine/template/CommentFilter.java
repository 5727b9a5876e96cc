package io.lvsplay.engine.template;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ansible's {@code comment} filter (plugins/filter/core.py), with its styles and parameters. */
final class CommentFilter {
  private static final Map<String, Map<String, String>> STYLES = Map.of(
      "plain", Map.of("decoration", "# "),
      "erlang", Map.of("decoration", "% "),
      "c", Map.of("decoration", "// "),
      "cblock", Map.of("beginning", "/*", "decoration", " * ", "end", " */"),
      "xml", Map.of("beginning", "<!--", "decoration", " - ", "end", "-->"));

  private CommentFilter() {}

  static NamedFilter filter() {
    return new NamedFilter("comment", (input, args) -> comment(PythonRepr.str(input), args));
  }

  static String comment(String text, FilterArgs args) {
    String style = args.string(0, "style", "plain");
    Map<String, String> styleParams = STYLES.get(style);
    if (styleParams == null) {
      throw Strictness.fail("comment(): unknown style '" + style + "'");
    }
    String prepostfix = args.named().containsKey("decoration")
        ? PythonRepr.str(args.named().get("decoration")) : styleParams.get("decoration");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("newline", "\n");
    p.put("beginning", "");
    p.put("prefix", prepostfix.stripTrailing());
    p.put("prefix_count", 1);
    p.put("decoration", "");
    p.put("postfix", prepostfix.stripTrailing());
    p.put("postfix_count", 1);
    p.put("end", "");
    p.putAll(styleParams);
    p.putAll(args.named());
    String newline = PythonRepr.str(p.get("newline"));
    String beginning = PythonRepr.str(p.get("beginning"));
    String prefix = PythonRepr.str(p.get("prefix"));
    String decoration = PythonRepr.str(p.get("decoration"));
    String postfix = PythonRepr.str(p.get("postfix"));
    String end = PythonRepr.str(p.get("end"));
    int prefixCount = count(p.get("prefix_count"));
    int postfixCount = count(p.get("postfix_count"));

    StringBuilder out = new StringBuilder();
    if (!beginning.isEmpty()) {
      out.append(beginning).append(newline);
    }
    if (!prefix.isEmpty()) {
      out.append((prefix.equals(newline) ? newline : prefix + newline).repeat(Math.max(0, prefixCount)));
    }
    String body = (decoration + text.replace(newline, newline + decoration))
        .replace(decoration + newline, decoration.stripTrailing() + newline);
    out.append(body);
    for (int i = 0; i < postfixCount; i++) {
      out.append(newline).append(postfix);
    }
    if (!end.isEmpty()) {
      out.append(newline).append(end);
    }
    return out.toString();
  }

  private static int count(Object value) {
    return value instanceof Number number ? number.intValue() : Integer.parseInt(PythonRepr.str(value).strip());
  }
}
