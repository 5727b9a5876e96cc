package io.lvsplay.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the filters and tests a template names, without rendering it: {@code x | f}, {@code x is t},
 * {@code {% filter f %}}, and the names passed as strings to map/select/reject/selectattr/rejectattr.
 * Used to refuse an unknown filter or test at load time, as Jinja2 does when it compiles a template.
 */
final class TemplateNames {
  /** A filter or test name and the 1-based line it is on. */
  record Use(String name, boolean test, int line) {}

  private static final Pattern CODE = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
  private static final Pattern RAW = Pattern.compile("\\{%-?\\s*raw\\s*-?%}.*?\\{%-?\\s*endraw\\s*-?%}", Pattern.DOTALL);
  private static final Pattern COMMENT = Pattern.compile("\\{#.*?#}", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern PIPE = Pattern.compile("\\|\\s*([A-Za-z_][\\w.]*)");
  private static final Pattern IS = Pattern.compile("\\bis\\s+(?:not\\s+)?([A-Za-z_][\\w.]*)");
  private static final Pattern FILTER_TAG = Pattern.compile("^\\s*-?\\s*filter\\s+([A-Za-z_][\\w.]*)");
  private static final Pattern BY_NAME = Pattern.compile(
      "\\b(map|select|reject)\\(\\s*(['\"])([\\w.]+)\\2|\\b(?:selectattr|rejectattr)\\(\\s*(['\"])[^'\"]*\\4\\s*,\\s*(['\"])([\\w.]+)\\5");

  private TemplateNames() {}

  static List<Use> in(String template) {
    List<Use> uses = new ArrayList<>();
    String text = blank(blank(template, RAW), COMMENT);
    Matcher code = CODE.matcher(text);
    while (code.find()) {
      boolean tag = code.group(1) == null;
      String inside = tag ? code.group(2) : code.group(1);
      int line = lineOf(text, code.start());
      Matcher byName = BY_NAME.matcher(inside);
      while (byName.find()) {
        if (byName.group(1) != null) {
          uses.add(new Use(plain(byName.group(3)), !byName.group(1).equals("map"), line));
        } else {
          uses.add(new Use(plain(byName.group(6)), true, line));
        }
      }
      String withoutStrings = STRING.matcher(inside).replaceAll("''");
      collect(PIPE, withoutStrings, false, line, uses);
      collect(IS, withoutStrings, true, line, uses);
      if (tag) {
        collect(FILTER_TAG, withoutStrings, false, line, uses);
      }
    }
    return uses;
  }

  private static void collect(Pattern pattern, String code, boolean test, int line, List<Use> uses) {
    Matcher matcher = pattern.matcher(code);
    while (matcher.find()) {
      uses.add(new Use(plain(matcher.group(1)), test, line));
    }
  }

  /** "ansible.utils.ipaddr" is the filter "ipaddr". */
  private static String plain(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** Replaces matches by spaces, keeping newlines so that line numbers stay right. */
  private static String blank(String text, Pattern pattern) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (matcher.find()) {
      out.append(text, last, matcher.start());
      out.append(matcher.group().replaceAll("[^\\n]", " "));
      last = matcher.end();
    }
    return out.append(text, last, text.length()).toString();
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
