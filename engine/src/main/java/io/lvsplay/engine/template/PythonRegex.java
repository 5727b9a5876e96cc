package io.lvsplay.engine.template;

import java.util.regex.Pattern;

/** Translates Python's re syntax, as written in playbooks, to java.util.regex. */
public final class PythonRegex {
  private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P<");
  private static final Pattern NAMED_BACKREF = Pattern.compile("\\(\\?P=(\\w+)\\)");

  private PythonRegex() {}

  public static Pattern compile(String pattern, boolean ignoreCase, boolean multiline) {
    String java = NAMED_GROUP.matcher(pattern).replaceAll("(?<");
    java = NAMED_BACKREF.matcher(java).replaceAll("\\\\k<$1>");
    int flags = (ignoreCase ? Pattern.CASE_INSENSITIVE : 0) | (multiline ? Pattern.MULTILINE : 0);
    return Pattern.compile(java, flags);
  }

  /** Python replacements use \1 and \g<name>; Java uses $1 and ${name} and treats $ specially. */
  public static String replacement(String python) {
    StringBuilder out = new StringBuilder();
    int length = python.length();
    for (int i = 0; i < length; i++) {
      char c = python.charAt(i);
      char next = i + 1 < length ? python.charAt(i + 1) : 0;
      if (c == '$') {
        out.append("\\$");
      } else if (c != '\\' || next == 0) {
        out.append(c == '\\' ? "\\\\" : String.valueOf(c));
      } else if (Character.isDigit(next)) {
        out.append('$').append(next);
        i++;
      } else if (next == 'g' && python.startsWith("<", i + 2) && python.indexOf('>', i + 3) > 0) {
        int close = python.indexOf('>', i + 3);
        String group = python.substring(i + 3, close);
        out.append(group.chars().allMatch(Character::isDigit) ? "$" + group : "${" + group + "}");
        i = close;
      } else {
        out.append(switch (next) {
          case 'n' -> "\n";
          case 't' -> "\t";
          default -> "\\" + next;
        });
        i++;
      }
    }
    return out.toString();
  }
}
