package io.lvsplay.engine.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Python's {@code str} methods, called on strings in templates ({@code ip.split('.')},
 * {@code name.startswith('web')}, {@code '{}:{}'.format(host, port)}). Without this, jinjava would
 * call the Java method of the same name, if any: {@code split} would take a regex and return an
 * array, {@code strip('x')} and {@code lower()} would not exist.
 *
 * <p>Methods that Python's str lacks are left to jinjava (so Java's own methods still resolve).
 */
final class PythonStrings {
  private PythonStrings() {}

  /** The result of calling {@code method} on {@code text}, or empty if it is not a str method. */
  static Optional<Object> invoke(String text, String method, Object[] rawParams) {
    List<Object> args = new ArrayList<>();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    for (Object param : rawParams == null ? new Object[0] : rawParams) {
      if (param instanceof NamedParameter named) {
        kwargs.put(named.getName(), Strictness.requireDefined(named.getValue()));
      } else {
        args.add(Strictness.requireDefined(param));
      }
    }
    Call call = new Call(method, args, kwargs);
    Object result = switch (method) {
      case "split" -> split(text, call.optString(0, "sep"), call.integer(1, "maxsplit", -1));
      case "rsplit" -> rsplit(text, call.optString(0, "sep"), call.integer(1, "maxsplit", -1));
      case "splitlines" -> splitlines(text, call.flag(0, "keepends"));
      case "startswith" -> affix(text, call, true);
      case "endswith" -> affix(text, call, false);
      case "replace" -> replace(text, call.string(0, "old"), call.string(1, "new"), call.integer(2, "count", -1));
      case "strip" -> strip(text, call.optString(0, "chars"), true, true);
      case "lstrip" -> strip(text, call.optString(0, "chars"), true, false);
      case "rstrip" -> strip(text, call.optString(0, "chars"), false, true);
      case "lower" -> text.toLowerCase(Locale.ROOT);
      case "upper" -> text.toUpperCase(Locale.ROOT);
      case "casefold" -> text.toLowerCase(Locale.ROOT);
      case "capitalize" -> text.isEmpty() ? text
          : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1).toLowerCase(Locale.ROOT);
      case "title" -> title(text);
      case "swapcase" -> swapcase(text);
      case "format" -> PythonFormat.format(text, args, kwargs);
      case "join" -> join(text, call.get(0, "iterable"));
      case "find" -> (long) find(text, call, false);
      case "rfind" -> (long) find(text, call, true);
      case "index", "rindex" -> {
        int at = find(text, call, method.equals("rindex"));
        if (at < 0) {
          throw Strictness.fail("substring not found");
        }
        yield (long) at;
      }
      case "count" -> count(text, call);
      case "isdigit", "isnumeric", "isdecimal" -> !text.isEmpty() && text.chars().allMatch(Character::isDigit);
      case "isalpha" -> !text.isEmpty() && text.chars().allMatch(Character::isLetter);
      case "isalnum" -> !text.isEmpty() && text.chars().allMatch(Character::isLetterOrDigit);
      case "isspace" -> !text.isEmpty() && text.chars().allMatch(PythonStrings::isSpace);
      case "islower" -> hasCased(text) && text.equals(text.toLowerCase(Locale.ROOT));
      case "isupper" -> hasCased(text) && text.equals(text.toUpperCase(Locale.ROOT));
      case "zfill" -> zfill(text, call.integer(0, "width", 0));
      case "ljust" -> pad(text, call.integer(0, "width", 0), call.fill(), -1);
      case "rjust" -> pad(text, call.integer(0, "width", 0), call.fill(), 1);
      case "center" -> pad(text, call.integer(0, "width", 0), call.fill(), 0);
      case "partition" -> partition(text, call.string(0, "sep"), false);
      case "rpartition" -> partition(text, call.string(0, "sep"), true);
      case "removeprefix" -> text.startsWith(call.string(0, "prefix"))
          ? text.substring(call.string(0, "prefix").length()) : text;
      case "removesuffix" -> text.endsWith(call.string(0, "suffix"))
          ? text.substring(0, text.length() - call.string(0, "suffix").length()) : text;
      default -> NOT_A_STR_METHOD;
    };
    return result == NOT_A_STR_METHOD ? Optional.empty() : Optional.of(result);
  }

  private static final Object NOT_A_STR_METHOD = new Object();

  /** Python's str.isspace for one character. */
  static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
  }

  static List<Object> split(String text, String sep, int maxsplit) {
    List<Object> parts = new ArrayList<>();
    if (sep == null) {
      int i = 0;
      int n = text.length();
      while (true) {
        while (i < n && isSpace(text.charAt(i))) {
          i++;
        }
        if (i >= n) {
          return parts;
        }
        if (maxsplit >= 0 && parts.size() == maxsplit) {
          parts.add(text.substring(i));
          return parts;
        }
        int start = i;
        while (i < n && !isSpace(text.charAt(i))) {
          i++;
        }
        parts.add(text.substring(start, i));
      }
    }
    requireSeparator(sep);
    int from = 0;
    while (maxsplit < 0 || parts.size() < maxsplit) {
      int at = text.indexOf(sep, from);
      if (at < 0) {
        break;
      }
      parts.add(text.substring(from, at));
      from = at + sep.length();
    }
    parts.add(text.substring(from));
    return parts;
  }

  static List<Object> rsplit(String text, String sep, int maxsplit) {
    if (maxsplit < 0) {
      return split(text, sep, maxsplit);
    }
    List<Object> parts = new ArrayList<>();
    if (sep == null) {
      int i = text.length();
      while (true) {
        while (i > 0 && isSpace(text.charAt(i - 1))) {
          i--;
        }
        if (i <= 0) {
          break;
        }
        if (parts.size() == maxsplit) {
          parts.add(text.substring(0, i));
          break;
        }
        int end = i;
        while (i > 0 && !isSpace(text.charAt(i - 1))) {
          i--;
        }
        parts.add(text.substring(i, end));
      }
    } else {
      requireSeparator(sep);
      int end = text.length();
      while (parts.size() < maxsplit) {
        int at = text.lastIndexOf(sep, end - sep.length());
        if (at < 0) {
          break;
        }
        parts.add(text.substring(at + sep.length(), end));
        end = at;
      }
      parts.add(text.substring(0, end));
    }
    java.util.Collections.reverse(parts);
    return parts;
  }

  private static void requireSeparator(String sep) {
    if (sep.isEmpty()) {
      throw Strictness.fail("empty separator");
    }
  }

  /** Python's line boundaries: \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029. */
  static List<Object> splitlines(String text, boolean keepends) {
    List<Object> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int breakLength = 0;
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        breakLength = 2;
      } else if (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e)
          || c == 0x85 || c == 0x2028 || c == 0x2029) {
        breakLength = 1;
      }
      if (breakLength == 0) {
        i++;
        continue;
      }
      lines.add(text.substring(start, keepends ? i + breakLength : i));
      i += breakLength;
      start = i;
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /** startswith / endswith, with a tuple of candidates and optional start/end. */
  private static boolean affix(String text, Call call, boolean prefix) {
    String window = slice(text, call.get(1, "start", null), call.get(2, "end", null));
    Object candidates = call.get(0, prefix ? "prefix" : "suffix");
    Collection<?> options = candidates instanceof Collection<?> many ? many : List.of(candidates);
    for (Object option : options) {
      if (!(option instanceof CharSequence)) {
        throw Strictness.fail((prefix ? "startswith" : "endswith")
            + " first arg must be str or a tuple of str, not " + Values.typeName(option));
      }
      String affix = option.toString();
      if (prefix ? window.startsWith(affix) : window.endsWith(affix)) {
        return true;
      }
    }
    return false;
  }

  /** text[start:end] with Python's clamping and negative indices; null means open. */
  private static String slice(String text, Object start, Object end) {
    int length = text.length();
    int from = start == null ? 0 : clampIndex(Call.toInt(start), length);
    int to = end == null ? length : clampIndex(Call.toInt(end), length);
    return from >= to ? "" : text.substring(from, to);
  }

  private static int clampIndex(int index, int length) {
    if (index < 0) {
      index += length;
    }
    return Math.max(0, Math.min(index, length));
  }

  static String replace(String text, String old, String replacement, int count) {
    if (count < 0) {
      return text.replace(old, replacement);
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    int done = 0;
    while (done < count) {
      int at = old.isEmpty() ? (from <= text.length() ? from : -1) : text.indexOf(old, from);
      if (at < 0) {
        break;
      }
      if (old.isEmpty()) {
        out.append(replacement);
        if (at < text.length()) {
          out.append(text.charAt(at));
        }
        from = at + 1;
      } else {
        out.append(text, from, at).append(replacement);
        from = at + old.length();
      }
      done++;
    }
    if (from <= text.length()) {
      out.append(text.substring(from));
    }
    return out.toString();
  }

  static String strip(String text, String chars, boolean left, boolean right) {
    int start = 0;
    int end = text.length();
    while (left && start < end && stripped(text.charAt(start), chars)) {
      start++;
    }
    while (right && end > start && stripped(text.charAt(end - 1), chars)) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean stripped(char c, String chars) {
    return chars == null ? isSpace(c) : chars.indexOf(c) >= 0;
  }

  private static String title(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean previousCased = false;
    for (char c : text.toCharArray()) {
      boolean cased = Character.isLetter(c);
      out.append(cased ? (previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
      previousCased = cased;
    }
    return out.toString();
  }

  private static String swapcase(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(Character.isUpperCase(c) ? Character.toLowerCase(c)
          : Character.isLowerCase(c) ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  private static boolean hasCased(String text) {
    return text.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isLowerCase(c));
  }

  private static String join(String separator, Object items) {
    if (items instanceof CharSequence text) {
      items = text.toString().chars().mapToObj(c -> String.valueOf((char) c)).toList();
    } else if (items instanceof Map<?, ?> map) {
      items = map.keySet();
    } else if (items instanceof Object[] array) {
      items = Arrays.asList(array);
    }
    if (!(items instanceof Iterable<?> iterable)) {
      throw Strictness.fail("can only join an iterable");
    }
    StringBuilder out = new StringBuilder();
    int index = 0;
    for (Object item : iterable) {
      Strictness.requireDefined(item);
      if (!(item instanceof CharSequence)) {
        throw Strictness.fail("sequence item " + index + ": expected str instance, "
            + Values.typeName(item) + " found");
      }
      if (index++ > 0) {
        out.append(separator);
      }
      out.append(item);
    }
    return out.toString();
  }

  private static int find(String text, Call call, boolean last) {
    String sub = call.string(0, "sub");
    int length = text.length();
    Object startArg = call.get(1, "start", null);
    Object endArg = call.get(2, "end", null);
    int from = startArg == null ? 0 : clampIndex(Call.toInt(startArg), length);
    int to = endArg == null ? length : clampIndex(Call.toInt(endArg), length);
    if (to - from < sub.length()) {
      return -1;
    }
    String window = text.substring(from, to);
    int at = last ? window.lastIndexOf(sub) : window.indexOf(sub);
    return at < 0 ? -1 : at + from;
  }

  private static long count(String text, Call call) {
    String sub = call.string(0, "sub");
    String window = slice(text, call.get(1, "start", null), call.get(2, "end", null));
    if (sub.isEmpty()) {
      return window.length() + 1L;
    }
    long found = 0;
    for (int at = window.indexOf(sub); at >= 0; at = window.indexOf(sub, at + sub.length())) {
      found++;
    }
    return found;
  }

  private static String zfill(String text, int width) {
    if (text.length() >= width) {
      return text;
    }
    String zeros = "0".repeat(width - text.length());
    boolean signed = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+');
    return signed ? text.charAt(0) + zeros + text.substring(1) : zeros + text;
  }

  /** direction: -1 left-justify, 1 right-justify, 0 center (Python's rounding). */
  private static String pad(String text, int width, char fill, int direction) {
    int missing = width - text.length();
    if (missing <= 0) {
      return text;
    }
    int left = switch (direction) {
      case -1 -> 0;
      case 1 -> missing;
      default -> missing / 2 + (missing & width & 1);
    };
    return String.valueOf(fill).repeat(left) + text + String.valueOf(fill).repeat(missing - left);
  }

  private static List<Object> partition(String text, String sep, boolean last) {
    requireSeparator(sep);
    int at = last ? text.lastIndexOf(sep) : text.indexOf(sep);
    if (at < 0) {
      return last ? new ArrayList<>(List.of("", "", text)) : new ArrayList<>(List.of(text, "", ""));
    }
    return new ArrayList<>(List.of(text.substring(0, at), sep, text.substring(at + sep.length())));
  }

  /** A method call's arguments, by position or keyword. */
  private record Call(String method, List<Object> args, Map<String, Object> kwargs) {
    Object get(int index, String name) {
      if (kwargs.containsKey(name)) {
        return kwargs.get(name);
      }
      if (index < args.size()) {
        return args.get(index);
      }
      throw Strictness.fail(method + "() missing required argument '" + name + "'");
    }

    Object get(int index, String name, Object fallback) {
      if (kwargs.containsKey(name)) {
        return kwargs.get(name);
      }
      return index < args.size() ? args.get(index) : fallback;
    }

    String string(int index, String name) {
      Object value = get(index, name);
      if (!(value instanceof CharSequence)) {
        throw Strictness.fail(method + "() argument '" + name + "' must be str, not " + Values.typeName(value));
      }
      return value.toString();
    }

    /** A str argument that may be None or absent. */
    String optString(int index, String name) {
      Object value = get(index, name, null);
      if (value == null) {
        return null;
      }
      if (!(value instanceof CharSequence)) {
        throw Strictness.fail(method + "() argument '" + name + "' must be str or None, not " + Values.typeName(value));
      }
      return value.toString();
    }

    int integer(int index, String name, int fallback) {
      Object value = get(index, name, null);
      return value == null ? fallback : toInt(value);
    }

    boolean flag(int index, String name) {
      return Truthiness.isTruthy(get(index, name, false));
    }

    char fill() {
      String fill = Optional.ofNullable(get(1, "fillchar", null)).map(PythonRepr::str).orElse(" ");
      if (fill.length() != 1) {
        throw Strictness.fail("The fill character must be exactly one character long");
      }
      return fill.charAt(0);
    }

    static int toInt(Object value) {
      if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)) {
        return number.intValue();
      }
      if (value instanceof Boolean bool) {
        return bool ? 1 : 0;
      }
      throw Strictness.fail("'" + Values.typeName(value) + "' object cannot be interpreted as an integer");
    }
  }
}
