package io.lvsplay.engine.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the templates that {@code {% include %}}, {@code {% import %}} and {@code {% extends %}}
 * name, as Ansible's template action and template lookup set Jinja2's FileSystemLoader up: the
 * directory of the template being rendered first, then for each entry of the search path its
 * "templates" directory and the entry itself.
 */
final class IncludeLocator implements ResourceLocator {
  @Override
  public String getString(String name, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
    for (Path dir : directories()) {
      Path candidate = dir.resolve(name).normalize();
      // Jinja2's loader refuses names that climb out of its directories
      if (candidate.startsWith(dir.normalize()) && Files.isRegularFile(candidate)) {
        return TemplateSource.normalize(withoutTrailingNewline(Files.readString(candidate, encoding)));
      }
    }
    throw new ResourceNotFoundException("TemplateNotFound: " + name);
  }

  /** Jinja2's keep_trailing_newline=False, which Ansible leaves for the templates its loader reads. */
  private static String withoutTrailingNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") || text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  /** The loader's directories for the current render. */
  static List<Path> directories() {
    List<Path> dirs = new ArrayList<>();
    Object current = AnsibleFunctions.variable("template_fullpath");
    if (current != null) {
      Path parent = Path.of(PythonRepr.str(current)).getParent();
      if (parent != null) {
        dirs.add(parent);
      }
    }
    for (Path base : AnsibleFunctions.searchPath()) {
      dirs.add(base.resolve("templates"));
      dirs.add(base);
    }
    return dirs;
  }
}
