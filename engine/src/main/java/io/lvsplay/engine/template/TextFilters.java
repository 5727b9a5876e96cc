package io.lvsplay.engine.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** String filters whose Ansible behaviour jinjava lacks or differs from. */
final class TextFilters {
  private static final Pattern SHELL_SAFE = Pattern.compile("[\\w@%+=:,./-]+");

  private TextFilters() {}

  static List<NamedFilter> all() {
    return List.of(
        new NamedFilter("regex_replace", TextFilters::regexReplace),
        new NamedFilter("regex_search", TextFilters::regexSearch),
        new NamedFilter("regex_findall", TextFilters::regexFindall),
        new NamedFilter("regex_escape", (input, args) ->
            regexEscape(PythonRepr.str(input), args.string(0, "re_type", "python"))),
        new NamedFilter("quote", (input, args) -> shellQuote(PythonRepr.str(input))),
        new NamedFilter("basename", (input, args) -> basename(PythonRepr.str(input))),
        new NamedFilter("dirname", (input, args) -> dirname(PythonRepr.str(input))),
        new NamedFilter("b64encode", (input, args) -> Base64.getEncoder()
            .encodeToString(PythonRepr.str(input).getBytes(StandardCharsets.UTF_8))),
        new NamedFilter("b64decode", (input, args) -> new String(
            Base64.getMimeDecoder().decode(PythonRepr.str(input)), StandardCharsets.UTF_8)),
        new NamedFilter("hash", (input, args) -> hash(PythonRepr.str(input), args.string(0, "hashtype", "sha1"))),
        new NamedFilter("md5", (input, args) -> hash(PythonRepr.str(input), "md5")),
        new NamedFilter("sha1", (input, args) -> hash(PythonRepr.str(input), "sha1")),
        new NamedFilter("checksum", (input, args) -> hash(PythonRepr.str(input), "sha1")));
  }

  private static Pattern pattern(FilterArgs args, int index) {
    return PythonRegex.compile(
        args.string(index, "pattern", ""), args.keywordFlag("ignorecase"), args.keywordFlag("multiline"));
  }

  private static Object regexReplace(Object input, FilterArgs args) {
    String replacement = PythonRegex.replacement(args.string(1, "replacement", ""));
    return pattern(args, 0).matcher(PythonRepr.str(input)).replaceAll(replacement);
  }

  /** Returns the match, or the requested groups ('\\1', '\\g<name>') as a list; None if no match. */
  private static Object regexSearch(Object input, FilterArgs args) {
    Matcher matcher = pattern(args, 0).matcher(PythonRepr.str(input));
    if (!matcher.find()) {
      return null;
    }
    if (args.size() < 2) {
      return matcher.group();
    }
    List<Object> groups = new ArrayList<>();
    for (Object group : args.positional().subList(1, args.size())) {
      String reference = PythonRepr.str(group);
      if (reference.startsWith("\\g<")) {
        groups.add(matcher.group(reference.substring(3, reference.length() - 1)));
      } else if (reference.startsWith("\\")) {
        groups.add(matcher.group(Integer.parseInt(reference.substring(1))));
      } else {
        throw Strictness.fail("regex_search: unknown group reference " + reference);
      }
    }
    return groups;
  }

  /** Like Python's re.findall: whole matches, the group when there is one, tuples of groups else. */
  private static Object regexFindall(Object input, FilterArgs args) {
    Matcher matcher = pattern(args, 0).matcher(PythonRepr.str(input));
    List<Object> found = new ArrayList<>();
    while (matcher.find()) {
      int count = matcher.groupCount();
      if (count == 0) {
        found.add(matcher.group());
      } else if (count == 1) {
        found.add(matcher.group(1));
      } else {
        List<Object> tuple = new ArrayList<>();
        for (int g = 1; g <= count; g++) {
          tuple.add(matcher.group(g));
        }
        found.add(tuple);
      }
    }
    return found;
  }

  /**
   * Ansible's regex_escape: Python's re.escape for re_type 'python', else the POSIX basic regular
   * expression special characters.
   */
  static String regexEscape(String text, String type) {
    String special = switch (type) {
      case "python" -> "()[]{}?*+-|^$\\.&~# \t\n\r\013\f";
      case "posix_basic" -> "].[^*$";
      case "posix_extended" -> throw Strictness.fail("Regex type (" + type + ") not yet implemented");
      default -> throw Strictness.fail("Invalid regex type (" + type + ")");
    };
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (special.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Python's shlex.quote. */
  static String shellQuote(String text) {
    if (text.isEmpty()) {
      return "''";
    }
    if (SHELL_SAFE.matcher(text).matches()) {
      return text;
    }
    return "'" + text.replace("'", "'\"'\"'") + "'";
  }

  private static String basename(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Python's os.path.dirname: strips the last component, keeps "/" for the root. */
  private static String dirname(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return "";
    }
    String head = path.substring(0, slash + 1);
    return head.matches("/+") ? head : head.replaceAll("/+$", "");
  }

  private static String hash(String text, String algorithm) {
    String name = switch (algorithm.toLowerCase(Locale.ROOT)) {
      case "sha1" -> "SHA-1";
      case "sha224" -> "SHA-224";
      case "sha256" -> "SHA-256";
      case "sha384" -> "SHA-384";
      case "sha512" -> "SHA-512";
      case "md5" -> "MD5";
      default -> throw Strictness.fail("hash: unsupported hash type '" + algorithm + "'");
    };
    try {
      byte[] digest = MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw Strictness.fail("hash: " + name + " is not available in this JVM");
    }
  }
}
