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
 *   <li>String literals use Python's escapes; jinjava's scanner knows only a few and rejects the
 *       rest, where Python keeps the backslash ('\\d+' is a regex, as in Jinja2).
 *   <li>A test binds to the filtered value on its left ({@code x | length is even} and
 *       {@code not x is defined}), see {@link TestPrecedence}.
 *   <li>Comments get Jinja2's whitespace control: "{#-", "-#}" and trim_blocks.
 * </ul>
 */
final class TemplateSource {
  private static final Pattern COLLECTION_PREFIX = Pattern.compile(
      "(\\|\\s*)(?:ansible\\.(?:builtin|utils|netcommon)|community\\.general)\\.");
  private static final Pattern RAW_START = Pattern.compile("\\{%-?\\s*raw\\s*-?%}");
  private static final Pattern RAW_END = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}");

  private TemplateSource() {}

  static String normalize(String template) {
    if (!template.contains("{{") && !template.contains("{%") && !template.contains("{#")) {
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
      if (template.startsWith("{#", open)) {
        i = comment(template, open, out);
        continue;
      }
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

  /** Index of the next "{{", "{%" or "{#"; -1 if none. */
  private static int nextOpening(String template, int from) {
    for (int i = template.indexOf('{', from); i >= 0 && i + 1 < template.length(); i = template.indexOf('{', i + 1)) {
      char next = template.charAt(i + 1);
      if (next == '{' || next == '%' || next == '#') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Applies a comment's whitespace control the way Jinja2 does, since jinjava differs: "{#-"
   * strips all whitespace before, "-#}" all whitespace after, and trim_blocks removes the one
   * newline right after "#}". The comment is replaced by "{#" and "#}" around the newlines that
   * were removed or commented out, so that jinjava still counts the same line numbers. Returns the
   * index after the comment.
   */
  private static int comment(String template, int open, StringBuilder out) {
    int close = template.indexOf("#}", open + 2);
    if (close < 0) {
      out.append(template, open, template.length());
      return template.length();
    }
    int newlines = 0;
    if (template.startsWith("{#-", open)) {
      int keep = out.length();
      while (keep > 0 && Character.isWhitespace(out.charAt(keep - 1))) {
        keep--;
      }
      newlines += count(out, keep, out.length());
      out.setLength(keep);
    }
    newlines += count(template, open, close);
    int after = close + 2;
    if (close > open + 2 && template.charAt(close - 1) == '-') {
      int end = after;
      while (end < template.length() && Character.isWhitespace(template.charAt(end))) {
        end++;
      }
      newlines += count(template, after, end);
      after = end;
    } else if (after < template.length() && template.charAt(after) == '\n') {
      // Ansible's template module renders with trim_blocks=True, which applies to comments too
      newlines++;
      after++;
    }
    if (newlines > 0) {
      out.append("{#").append("\n".repeat(newlines)).append("#}");
    }
    return after;
  }

  private static int count(CharSequence text, int from, int to) {
    int lines = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
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
        if (c == '\\' && i + 1 < template.length()) {
          i = escape(template, i, quote, code);
          continue;
        }
        code.append(c);
        if (c == quote) {
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
    out.append(TestPrecedence.rewrite(COLLECTION_PREFIX.matcher(code).replaceAll("$1")));
    if (i < template.length()) {
      out.append(closer);
      return i + closer.length();
    }
    return i;
  }

  /**
   * Translates one backslash escape of a Jinja2 string literal (Python's rules: \\, \', \", \n,
   * \t, \r, \b, \f, \a, \v, octal, \x, \\u, \U, \N{name}; any other backslash is kept, so
   * '\S+' is the three characters \S+) into the few escapes jinjava's scanner accepts.
   * Returns the index after the escape.
   */
  private static int escape(String template, int backslash, char quote, StringBuilder code) {
    char next = template.charAt(backslash + 1);
    int after = backslash + 2;
    switch (next) {
      case '\\', '\'', '"', 'n', 't', 'r', 'b', 'f' -> {
        code.append('\\').append(next);
        return after;
      }
      case 'a' -> {
        return literal(0x07, quote, code, after);
      }
      case 'v' -> {
        return literal(0x0b, quote, code, after);
      }
      case '\n' -> {
        // a backslash at the end of a line continues the string on the next line
        return after;
      }
      default -> {
        // handled below
      }
    }
    if (next >= '0' && next <= '7') {
      int end = backslash + 1;
      while (end < template.length() && end < backslash + 4 && template.charAt(end) >= '0' && template.charAt(end) <= '7') {
        end++;
      }
      return literal(Integer.parseInt(template.substring(backslash + 1, end), 8), quote, code, end);
    }
    int digits = next == 'x' ? 2 : next == 'u' ? 4 : next == 'U' ? 8 : 0;
    if (digits > 0 && after + digits <= template.length()) {
      String hex = template.substring(after, after + digits);
      if (hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
        int codePoint = (int) Long.parseLong(hex, 16);
        if (Character.isValidCodePoint(codePoint)) {
          return literal(codePoint, quote, code, after + digits);
        }
      }
    }
    if (next == 'N' && template.startsWith("{", after)) {
      int close = template.indexOf('}', after);
      if (close > 0) {
        try {
          return literal(Character.codePointOf(template.substring(after + 1, close)), quote, code, close + 1);
        } catch (IllegalArgumentException unknownName) {
          // kept as written, below
        }
      }
    }
    code.append("\\\\");
    return backslash + 1;
  }

  /** Appends one decoded character so that jinjava's scanner reads it back unchanged. */
  private static int literal(int codePoint, char quote, StringBuilder code, int after) {
    switch (codePoint) {
      case '\\' -> code.append("\\\\");
      case '\n' -> code.append("\\n");
      case '\r' -> code.append("\\r");
      case '\'', '"' -> code.append(codePoint == quote ? "\\" : "").appendCodePoint(codePoint);
      default -> code.appendCodePoint(codePoint);
    }
    return after;
  }

  /** The same rewriting for a bare expression (a when: condition). */
  static String normalizeExpression(String expression) {
    String wrapped = normalize("{{" + expression + "}}");
    return wrapped.substring(2, wrapped.length() - 2);
  }
}
