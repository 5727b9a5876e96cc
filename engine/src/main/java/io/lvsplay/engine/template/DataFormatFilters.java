package io.lvsplay.engine.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/** JSON and YAML in and out, formatted the way Ansible's filters format them. */
final class DataFormatFilters {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DataFormatFilters() {}

  static List<NamedFilter> all() {
    return List.of(
        new NamedFilter("to_json", (input, args) -> PythonJson.dumps(
            NativeValues.materialize(input), optionalInt(args.named().get("indent")), args.keywordFlag("sort_keys"))),
        new NamedFilter("to_nice_json", (input, args) -> PythonJson.dumps(
            NativeValues.materialize(input), ((Number) args.get(0, "indent", 4)).intValue(), true)),
        new NamedFilter("from_json", (input, args) -> fromJson(PythonRepr.str(input))),
        new NamedFilter("to_yaml", (input, args) -> toYaml(input, DumperOptions.FlowStyle.AUTO, 2, sortKeys(args))),
        new NamedFilter("to_nice_yaml", (input, args) -> toYaml(
            input, DumperOptions.FlowStyle.BLOCK, ((Number) args.get(0, "indent", 4)).intValue(), sortKeys(args))),
        new NamedFilter("from_yaml", (input, args) -> fromYaml(PythonRepr.str(input))));
  }

  private static Integer optionalInt(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  private static Object fromJson(String text) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw Strictness.fail("from_json: invalid JSON: " + e.getOriginalMessage());
    }
  }

  private static Object fromYaml(String text) {
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw Strictness.fail("from_yaml: invalid YAML: " + e.getMessage());
    }
  }

  /** Ansible's to_yaml keeps innermost collections in flow style; to_nice_yaml uses blocks. */
  /** PyYAML's dump sorts mapping keys unless told {@code sort_keys=False}. */
  private static boolean sortKeys(FilterArgs args) {
    return !args.named().containsKey("sort_keys") || args.keywordFlag("sort_keys");
  }

  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<Object> keys = new ArrayList<>(map.keySet());
      if (keys.stream().allMatch(k -> k instanceof String)) {
        keys.sort(Comparator.comparing(k -> (String) k));
      }
      Map<Object, Object> copy = new LinkedHashMap<>();
      keys.forEach(k -> copy.put(k, sorted(map.get(k))));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(sorted(item)));
      return copy;
    }
    return value;
  }

  private static String toYaml(Object input, DumperOptions.FlowStyle style, int indent, boolean sortKeys) {
    Object value = NativeValues.materialize(input);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(style);
    options.setIndent(indent);
    options.setAllowUnicode(true);
    options.setSplitLines(false);
    return new Yaml(new Representer(options), options).dump(sortKeys ? sorted(value) : value);
  }
}
