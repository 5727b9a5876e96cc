package io.lvsplay.engine.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/** Ansible's path filters, with Python's os.path and ntpath semantics. */
final class PathFilters {
  private PathFilters() {}

  static List<NamedFilter> all() {
    return List.of(
        new NamedFilter("path_join", (input, args) -> pathJoin(input)),
        new NamedFilter("splitext", (input, args) -> splitext(PythonRepr.str(input))),
        new NamedFilter("realpath", (input, args) -> realpath(PythonRepr.str(input))),
        new NamedFilter("relpath", (input, args) -> relpath(PythonRepr.str(input), args.string(0, "start", null))),
        new NamedFilter("expanduser", (input, args) -> expanduser(PythonRepr.str(input))),
        new NamedFilter("win_basename", (input, args) -> winSplit(PythonRepr.str(input))[1]),
        new NamedFilter("win_dirname", (input, args) -> winSplit(PythonRepr.str(input))[0]),
        new NamedFilter("fileglob", (input, args) -> fileglob(PythonRepr.str(input))));
  }

  /**
   * Ansible's fileglob filter: the regular files on the controller that match the pattern
   * (Python's glob.glob: "*" stays within one directory and skips dot files), sorted.
   */
  static List<Object> fileglob(String pattern) {
    List<Object> files = new ArrayList<>();
    if (pattern.isEmpty()) {
      return files;
    }
    Path path = Path.of(pattern);
    Path base = path.isAbsolute() ? path.getRoot() : Path.of("");
    int glob = 0;
    while (glob < path.getNameCount() && !path.getName(glob).toString().matches(".*[*?\\[].*")) {
      glob++;
    }
    if (glob == path.getNameCount()) {
      if (Files.isRegularFile(path)) {
        files.add(pattern);
      }
      return files;
    }
    Path start = glob == 0 ? base : base.resolve(path.subpath(0, glob));
    PathMatcher matcher = path.getFileSystem().getPathMatcher("glob:" + pattern);
    int depth = path.getNameCount() - glob;
    try (var walk = Files.walk(start.toString().isEmpty() ? Path.of(".") : start, depth)) {
      walk.map(p -> start.toString().isEmpty() ? Path.of(".").relativize(p) : p)
          .filter(p -> matcher.matches(p) && Files.isRegularFile(p))
          .filter(p -> !p.getFileName().toString().startsWith(".") || path.getFileName().toString().startsWith("."))
          .map(Path::toString)
          .sorted()
          .forEach(files::add);
    } catch (IOException | UncheckedIOException e) {
      return files;
    }
    return files;
  }

  /** os.path.join: an absolute part starts over. A string input is returned unchanged. */
  static String pathJoin(Object input) {
    if (input instanceof CharSequence text) {
      return text.toString();
    }
    StringBuilder joined = new StringBuilder();
    for (Object item : Values.toList(input)) {
      String part = PythonRepr.str(item);
      if (part.startsWith("/")) {
        joined.setLength(0);
      } else if (joined.length() > 0 && joined.charAt(joined.length() - 1) != '/') {
        joined.append('/');
      }
      joined.append(part);
    }
    return joined.toString();
  }

  /** os.path.splitext: the extension starts at the last dot of the last component, not a leading one. */
  static PythonTuple splitext(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    if (dot > slash) {
      int start = slash + 1;
      while (start < dot && path.charAt(start) == '.') {
        start++;
      }
      if (start < dot) {
        return PythonTuple.of(path.substring(0, dot), path.substring(dot));
      }
    }
    return PythonTuple.of(path, "");
  }

  /** os.path.realpath on the controller: symlinks resolved where the path exists. */
  static String realpath(String path) {
    Path absolute = Path.of(expanduser(path)).toAbsolutePath().normalize();
    try {
      return absolute.toRealPath().toString();
    } catch (IOException missing) {
      return absolute.toString();
    }
  }

  static String relpath(String path, String start) {
    Path base = Path.of(start == null ? "." : start).toAbsolutePath().normalize();
    String relative = base.relativize(Path.of(path).toAbsolutePath().normalize()).toString();
    return relative.isEmpty() ? "." : relative;
  }

  static String expanduser(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return System.getProperty("user.home") + path.substring(1);
    }
    return path;
  }

  /** ntpath.split: (head, tail) around the last backslash or slash, after the drive. */
  private static String[] winSplit(String path) {
    int drive = path.length() >= 2 && path.charAt(1) == ':' ? 2 : 0;
    int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
    if (cut < drive) {
      return new String[] {path.substring(0, drive), path.substring(drive)};
    }
    String head = path.substring(0, cut + 1);
    String stripped = head.replaceAll("[\\\\/]+$", "");
    head = stripped.length() <= drive ? head : stripped;
    return new String[] {head, path.substring(cut + 1)};
  }
}
