package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Jinja2 corpus (src/test/resources/jinja-corpus): several hundred forms rendered by Ansible
 * 2.14 (expected.json, made by gen-expected.py) must render byte-identically here, both as a
 * template file and as a task value (native type and Python repr). Where Ansible fails, lvsplay
 * must fail too. The forms that still differ are listed by id in known-differences.txt: the list
 * may only shrink (a listed form that now matches fails the test, so the list stays honest).
 */
class Jinja2CorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void rendersLikeAnsible() throws IOException {
    Map<String, Object> vars = JSON.readValue(resource("vars.json"), Map.class);
    JsonNode expected = JSON.readTree(resource("expected.json"));
    Set<String> known = knownDifferences();
    Templar templar = new Templar();
    List<String> regressions = new ArrayList<>();
    List<String> nowFixed = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    int identical = 0;
    int total = 0;
    for (JsonNode entry : expected) {
      String form = entry.get("form").asText();
      for (String mode : List.of("file", "value")) {
        String id = id(mode, form);
        String want = describe(entry.get(mode));
        String got = mode.equals("file") ? renderFile(templar, form, vars) : renderValue(templar, form, vars);
        boolean same = want.equals(got);
        total++;
        if (same) {
          identical++;
        } else {
          report.append(id).append("\n  form: ").append(form.replace("\n", "\\n"))
              .append("\n  ansible: ").append(want.replace("\n", "\\n"))
              .append("\n  lvsplay: ").append(got.replace("\n", "\\n")).append('\n');
        }
        if (!same && !known.contains(id)) {
          regressions.add(id + " " + mode + " " + form.replace("\n", "\\n") + "\n    ansible: " + want + "\n    lvsplay: " + got);
        } else if (same && known.contains(id)) {
          nowFixed.add(id);
        }
      }
    }
    Path out = Path.of("target", "jinja-corpus-report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, String.format("%d of %d identical (%.1f%%)%n", identical, total, 100.0 * identical / total) + report);
    System.out.printf("Jinja2 corpus: %d of %d renders identical to Ansible (%.1f%%)%n",
        identical, total, 100.0 * identical / total);
    assertTrue(regressions.isEmpty(), "renders that differ from Ansible:\n" + String.join("\n", regressions));
    assertTrue(nowFixed.isEmpty(), "now identical, remove from known-differences.txt: " + nowFixed);
  }

  private static String renderFile(Templar templar, String form, Map<String, Object> vars) {
    try {
      return templar.render(form, vars, "corpus.j2");
    } catch (RuntimeException e) {
      return "error";
    }
  }

  private static String renderValue(Templar templar, String form, Map<String, Object> vars) {
    try {
      Object value = templar.template(form, vars, "corpus");
      String repr = value instanceof String text ? text : PythonRepr.repr(value);
      return Values.typeName(value) + ": " + repr;
    } catch (RuntimeException e) {
      return "error";
    }
  }

  private static String describe(JsonNode result) {
    if (result.has("error")) {
      return "error";
    }
    if (result.isTextual()) {
      return result.asText();
    }
    return result.get("type").asText() + ": " + result.get("repr").asText();
  }

  private static Set<String> knownDifferences() throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    for (String line : new String(resource("known-differences.txt").readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        ids.add(trimmed.split("\\s+")[0]);
      }
    }
    return ids;
  }

  static String id(String mode, String form) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest((mode + "\0" + form).getBytes(StandardCharsets.UTF_8));
      return mode + "-" + HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream resource(String name) {
    return Jinja2CorpusTest.class.getResourceAsStream("/jinja-corpus/" + name);
  }
}
