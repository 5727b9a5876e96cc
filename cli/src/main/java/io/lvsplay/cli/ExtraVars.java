package io.lvsplay.cli;

import io.lvsplay.engine.playbook.FreeFormArgs;
import io.lvsplay.engine.playbook.PlaybookLoader;
import io.lvsplay.engine.vault.VaultYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** -e/--extra-vars values: "k=v k2=v2", inline JSON/YAML, or @file. Later ones win. */
final class ExtraVars {
    private ExtraVars() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(List<String> values) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String value : values) {
            String text = value.trim();
            if (text.startsWith("@")) {
                Path file = Path.of(text.substring(1));
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("extra vars file not found: " + file);
                }
                vars.putAll(PlaybookLoader.loadVarsFile(file));
            } else if (text.startsWith("{")) {
                Object parsed = parseInline(text);
                if (!(parsed instanceof Map)) {
                    throw new IllegalArgumentException("-e '" + text + "' is not a JSON/YAML mapping");
                }
                vars.putAll((Map<String, Object>) parsed);
            } else if (!text.isEmpty()) {
                try {
                    vars.putAll(FreeFormArgs.parse(text, false, List.of()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("-e '" + text + "': " + e.getMessage()
                            + " (use key=value, JSON, or @file.yml)");
                }
            }
        }
        return vars;
    }

    /** Inline JSON/YAML; a syntax error says what and at which column, not snakeyaml's dump. */
    private static Object parseInline(String text) {
        try {
            return VaultYaml.load(text);
        } catch (MarkedYAMLException e) {
            int column = e.getProblemMark() == null ? 0 : e.getProblemMark().getColumn() + 1;
            throw new IllegalArgumentException("Invalid extra vars data supplied: -e '" + abbreviate(text)
                    + "' is not valid JSON or YAML: " + e.getProblem() + (column > 0 ? " at column " + column : "")
                    + " (use key=value, a JSON/YAML mapping, or @file.yml)");
        } catch (YAMLException e) {
            throw new IllegalArgumentException("Invalid extra vars data supplied: -e '" + abbreviate(text)
                    + "' could not be made into a dictionary");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
