package io.lvsplay.engine.template;

import java.util.Map;

/**
 * The template module's Jinja2 environment arguments: its own delimiters (rewritten to Jinja's
 * defaults before jinjava parses the text, text that would read as a default delimiter kept
 * literal), {@code trim_blocks}, {@code lstrip_blocks} and {@code newline_sequence}.
 */
public record TemplateOptions(String varStart, String varEnd, String blockStart, String blockEnd,
                              String commentStart, String commentEnd, boolean trimBlocks, boolean lstripBlocks,
                              String newlineSequence) {

  /** Ansible's template module: Jinja's delimiters, trim_blocks=True, lstrip_blocks=False, "\n". */
  public static final TemplateOptions DEFAULT = new TemplateOptions("{{", "}}", "{%", "%}", "{#", "#}", true, false, "\n");

  /** From module or lookup arguments named as Ansible's ({@code variable_start_string}, ...); absent ones default. */
  public static TemplateOptions of(Map<String, ?> args) {
    return new TemplateOptions(text(args, "variable_start_string", "{{"), text(args, "variable_end_string", "}}"),
        text(args, "block_start_string", "{%"), text(args, "block_end_string", "%}"),
        text(args, "comment_start_string", "{#"), text(args, "comment_end_string", "#}"),
        flag(args, "trim_blocks", true), flag(args, "lstrip_blocks", false),
        text(args, "newline_sequence", "\n"));
  }

  private static String text(Map<String, ?> args, String name, String fallback) {
    Object value = args.get(name);
    return value == null ? fallback : String.valueOf(value);
  }

  private static boolean flag(Map<String, ?> args, String name, boolean fallback) {
    Object value = args.get(name);
    if (value == null) {
      return fallback;
    }
    return value instanceof Boolean b ? b
        : java.util.Set.of("yes", "true", "on", "1", "y").contains(String.valueOf(value).strip().toLowerCase());
  }

  boolean standardDelimiters() {
    return varStart.equals("{{") && varEnd.equals("}}") && blockStart.equals("{%") && blockEnd.equals("%}")
        && commentStart.equals("{#") && commentEnd.equals("#}");
  }

  /** The text with these delimiters rewritten to Jinja's defaults. */
  public String toStandard(String text) {
    if (standardDelimiters()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith(varStart, i)) {
        i = copyCode(text, i, varStart, varEnd, "{{", "}}", out);
      } else if (text.startsWith(blockStart, i)) {
        i = copyCode(text, i, blockStart, blockEnd, "{%", "%}", out);
      } else if (text.startsWith(commentStart, i)) {
        i = copyCode(text, i, commentStart, commentEnd, "{#", "#}", out);
      } else if (startsDefaultDelimiter(text, i)) {
        out.append("{{ '").append(text, i, i + 2).append("' }}");
        i += 2;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  private static int copyCode(String text, int at, String open, String close, String stdOpen, String stdClose,
                              StringBuilder out) {
    int end = text.indexOf(close, at + open.length());
    if (end < 0) {
      throw new TemplateError("template", 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count(),
          "template syntax error: '" + open + "' is never closed with '" + close + "'");
    }
    out.append(stdOpen).append(text, at + open.length(), end).append(stdClose);
    return end + close.length();
  }

  /** "{{", "{%" or "{#" in the text that Jinja would read as code, where this template means text. */
  private boolean startsDefaultDelimiter(String text, int i) {
    return !varStart.equals("{{") && text.startsWith("{{", i)
        || !blockStart.equals("{%") && text.startsWith("{%", i)
        || !commentStart.equals("{#") && text.startsWith("{#", i);
  }

  /** Jinja's newline_sequence: every line break of the output becomes it. */
  String newlines(String rendered) {
    return newlineSequence.equals("\n") ? rendered : rendered.replace("\n", newlineSequence);
  }
}
