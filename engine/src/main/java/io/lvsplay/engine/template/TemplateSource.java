package io.lvsplay.engine.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Jinja2 source that Jinja2 accepts but jinjava's tokenizer does not, without changing
 * its meaning. Only the insides of {@code {{ }}} and {@code {% %}} are touched; raw blocks and text
 * are left alone.
 * <ul>
 *   <li>Fully qualified filter names ({@code | ansible.utils.ipaddr}) lose their collection prefix:
 *       jinjava accepts only plain names.
 *   <li>A dict literal closing inside an expression ({@code {{ {'a': {'b': 1}} }}}) gets a space
 *       between its braces: jinjava ends an expression at the first "}}", Jinja2 counts brackets.
 * </ul>
 */
final class TemplateSource {
  private static final Pattern COLLECTION_PREFIX = Pattern.compile(
      "(\\|\\s*)(?:ansible\\.(?:builtin|utils|netcommon)|community\\.general)\\.");
  private static final Pattern RAW_START = Pattern.compile("\\{%-?\\s*raw\\s*-?%}");
  private static final Pattern RAW_END = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}");

  private TemplateSource() {}

  static String normalize(String template) {
    if (!template.contains("{{") && !template.contains("{%")) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      int open = nextOpening(template, i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, open);
      Matcher raw = RAW_START.matcher(template).region(open, template.length());
      if (raw.lookingAt()) {
        Matcher end = RAW_END.matcher(template);
        int stop = end.find(raw.end()) ? end.end() : template.length();
        out.append(template, open, stop);
        i = stop;
        continue;
      }
      boolean expression = template.startsWith("{{", open);
      i = copyCode(template, open + 2, expression ? "}}" : "%}", expression, out.append(template, open, open + 2));
    }
    return out.toString();
  }

  /** Index of the next "{{" or "{%", skipping comments; -1 if none. */
  private static int nextOpening(String template, int from) {
    for (int i = template.indexOf('{', from); i >= 0 && i + 1 < template.length(); i = template.indexOf('{', i + 1)) {
      char next = template.charAt(i + 1);
      if (next == '{' || next == '%') {
        return i;
      }
      if (next == '#') {
        int close = template.indexOf("#}", i + 2);
        if (close < 0) {
          return -1;
        }
        i = close;
      }
    }
    return -1;
  }

  /** Copies code up to and including its closer; returns the index after it. */
  private static int copyCode(String template, int start, String closer, boolean expression, StringBuilder out) {
    StringBuilder code = new StringBuilder();
    char quote = 0;
    int depth = 0;
    int i = start;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (quote != 0) {
        code.append(c);
        if (c == '\\' && i + 1 < template.length()) {
          code.append(template.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        code.append(c);
      } else if (depth == 0 && template.startsWith(closer, i)) {
        break;
      } else if (c == '{') {
        depth++;
        code.append(c);
      } else if (c == '}' && depth > 0) {
        depth--;
        code.append(c);
        if (expression && i + 1 < template.length() && template.charAt(i + 1) == '}') {
          code.append(' ');
        }
      } else {
        code.append(c);
      }
      i++;
    }
    out.append(COLLECTION_PREFIX.matcher(code).replaceAll("$1"));
    if (i < template.length()) {
      out.append(closer);
      return i + closer.length();
    }
    return i;
  }

  /** The same rewriting for a bare expression (a when: condition). */
  static String normalizeExpression(String expression) {
    String wrapped = normalize("{{" + expression + "}}");
    return wrapped.substring(2, wrapped.length() - 2);
  }
}
