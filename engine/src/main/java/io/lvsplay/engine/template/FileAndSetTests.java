package io.lvsplay.engine.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Ansible's path tests (files.py, evaluated on the controller as in Ansible), set tests
 * (mathstuff.py: subset, superset, contains, all, any), nan, and the aliases of the result tests.
 */
final class FileAndSetTests {
  private FileAndSetTests() {}

  static List<NamedTest> all() {
    return List.of(
        path("directory", p -> Files.isDirectory(p)), path("is_dir", p -> Files.isDirectory(p)),
        path("file", p -> Files.isRegularFile(p)), path("is_file", p -> Files.isRegularFile(p)),
        path("link", p -> Files.isSymbolicLink(p)), path("is_link", p -> Files.isSymbolicLink(p)),
        path("exists", p -> Files.exists(p)),
        path("link_exists", p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)),
        path("abs", Path::isAbsolute), path("is_abs", Path::isAbsolute),
        path("mount", FileAndSetTests::isMount), path("is_mount", FileAndSetTests::isMount),
        new NamedTest("same_file", FileAndSetTests::sameFile), new NamedTest("is_same_file", FileAndSetTests::sameFile),
        new NamedTest("subset", (input, args) -> containsAll(args.get(0, null, List.of()), input)),
        new NamedTest("issubset", (input, args) -> containsAll(args.get(0, null, List.of()), input)),
        new NamedTest("superset", (input, args) -> containsAll(input, args.get(0, null, List.of()))),
        new NamedTest("issuperset", (input, args) -> containsAll(input, args.get(0, null, List.of()))),
        // Ansible's contains is "value in seq": a substring test on a string
        new NamedTest("contains", (input, args) -> input instanceof CharSequence text
                ? text.toString().contains(String.valueOf(args.get(0, null, null)))
                : Values.contains(Values.toList(input), args.get(0, null, null))),
        new NamedTest("all", (input, args) -> Values.toList(input).stream().allMatch(Truthiness::isTruthy)),
        new NamedTest("any", (input, args) -> Values.toList(input).stream().anyMatch(Truthiness::isTruthy)),
        new NamedTest("nan", (input, args) -> input instanceof Double d && d.isNaN()),
        new NamedTest("isnan", (input, args) -> input instanceof Double d && d.isNaN()),
        result("failure", r -> flag(r, "failed", false)),
        result("successful", r -> !flag(r, "failed", false)),
        result("change", r -> flag(r, "changed", false)),
        result("skip", r -> flag(r, "skipped", false)),
        result("reachable", r -> !flag(r, "unreachable", false)),
        result("unreachable", r -> flag(r, "unreachable", false)),
        result("finished", r -> !r.containsKey("finished") || Values.pyEquals(r.get("finished"), 1)),
        result("started", r -> r.containsKey("started") && Values.pyEquals(r.get("started"), 1)));
  }

  private interface PathPredicate {
    boolean test(Path path) throws IOException;
  }

  private static NamedTest path(String name, PathPredicate predicate) {
    return new NamedTest(name, (input, args) -> {
      try {
        return predicate.test(Path.of(PathFilters.expanduser(PythonRepr.str(input))));
      } catch (IOException e) {
        return false;
      }
    });
  }

  private static boolean isMount(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return false;
    }
    Path real = path.toRealPath();
    Path parent = real.getParent();
    return parent == null || !Files.getFileStore(real).equals(Files.getFileStore(parent))
        || !Files.getAttribute(real, "unix:dev").equals(Files.getAttribute(parent, "unix:dev"));
  }

  private static boolean sameFile(Object input, FilterArgs args) {
    try {
      return Files.isSameFile(Path.of(PythonRepr.str(input)), Path.of(args.string(0, "path", "")));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean containsAll(Object container, Object items) {
    List<Object> all = Values.toList(container);
    return Values.toList(items).stream().allMatch(item -> Values.contains(all, item));
  }

  private interface ResultPredicate {
    boolean test(Map<?, ?> result);
  }

  private static NamedTest result(String name, ResultPredicate predicate) {
    return new NamedTest(name, (input, args) -> {
      if (!(input instanceof Map<?, ?> result)) {
        throw Strictness.fail("The '" + name + "' test expects a dictionary (a registered result), got " + Values.typeName(input));
      }
      return predicate.test(result);
    });
  }

  private static boolean flag(Map<?, ?> result, String key, boolean fallback) {
    return result.containsKey(key) ? Truthiness.ansibleBool(result.get(key)) : fallback;
  }
}
