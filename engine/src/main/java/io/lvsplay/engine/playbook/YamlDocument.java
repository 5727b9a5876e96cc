package io.lvsplay.engine.playbook;

import io.lvsplay.engine.template.UnsafeTag;
import io.lvsplay.engine.vault.VaultEnvelope;
import io.lvsplay.engine.vault.VaultError;
import io.lvsplay.engine.vault.VaultKeyring;
import io.lvsplay.engine.vault.VaultYaml;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file turned into plain Java values (maps, lists, strings, numbers, booleans) that still
 * knows the line of every map, list and key, so errors can point at file:line.
 * YAML 1.1 scalars like Ansible's (yes/no are booleans).
 */
public final class YamlDocument {
    private final Path file;
    private final Object root;
    private final Map<Object, Integer> lines = new IdentityHashMap<>();
    private final Map<Object, Map<String, Integer>> keyLines = new IdentityHashMap<>();

    private YamlDocument(Path file, Node node) {
        this.file = file;
        this.root = node == null ? null : convert(node);
    }

    public static YamlDocument load(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true);
            Node node = new Yaml(options).compose(new StringReader(VaultYaml.openIfVaulted(text)));
            YamlDocument doc = new YamlDocument(file, node);
            if (VaultEnvelope.isVaulted(text)) {
                VaultKeyring.installed().revealValues(doc.root);
            }
            return doc;
        } catch (VaultError e) {
            throw new PlaybookError(new SourceLocation(file, e.line()), e.getMessage());
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new PlaybookError(new SourceLocation(file, line),
                    "YAML syntax error: " + e.getProblem()
                            + (e.getContext() == null ? "" : " (" + e.getContext() + ")")
                            + ". Check the indentation and quoting on this line and the one before it.");
        } catch (IOException e) {
            throw new PlaybookError(new SourceLocation(file, 0), "cannot read file: " + e.getMessage());
        }
    }

    /** A value's YAML kind for an error message: "a mapping", "the number 5", ... */
    public static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return "the " + (value instanceof Boolean ? "boolean " : "number ") + value;
        }
        return value == null ? "nothing" : "the string '" + value + "'";
    }

    public Path file() {
        return file;
    }

    public Object root() {
        return root;
    }

    /** Line (1-based) where a map or list taken from this document starts, 0 if unknown. */
    public int lineOf(Object value) {
        return lines.getOrDefault(value, 0);
    }

    /** Line of a key inside a map of this document; falls back to the map's own line. */
    public int lineOf(Map<?, ?> map, String key) {
        Map<String, Integer> keys = keyLines.get(map);
        if (keys != null && keys.containsKey(key)) {
            return keys.get(key);
        }
        return lineOf(map);
    }

    public SourceLocation at(Object value) {
        return new SourceLocation(file, lineOf(value));
    }

    public SourceLocation at(Map<?, ?> map, String key) {
        return new SourceLocation(file, lineOf(map, key));
    }

    private Object convert(Node node) {
        int line = node.getStartMark().getLine() + 1;
        if (UnsafeTag.TAG.equals(node.getTag())) {
            return unsafe(node, line);
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            Map<String, Integer> keys = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Object key = convert(tuple.getKeyNode());
                String keyText = String.valueOf(key);
                if ("<<".equals(keyText) && convert(tuple.getValueNode()) instanceof Map<?, ?> merged) {
                    merged.forEach((k, v) -> map.putIfAbsent(String.valueOf(k), v));
                    continue;
                }
                int keyLine = tuple.getKeyNode().getStartMark().getLine() + 1;
                if (keys.containsKey(keyText)) {
                    // YAML 1.2 forbids it, and Ansible warns that the last one wins: refuse it
                    throw new PlaybookError(new SourceLocation(file, keyLine), "duplicate key '" + keyText
                            + "' (first on line " + keys.get(keyText) + "): a mapping may hold a key only once");
                }
                map.put(keyText, convert(tuple.getValueNode()));
                keys.put(keyText, tuple.getKeyNode().getStartMark().getLine() + 1);
            }
            lines.put(map, line);
            keyLines.put(map, keys);
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                list.add(convert(item));
            }
            lines.put(list, line);
            return list;
        }
        if (VaultYaml.VAULT_TAG.equals(node.getTag())) {
            return VaultYaml.decryptNode((ScalarNode) node);
        }
        return ScalarConstructor.INSTANCE.scalar((ScalarNode) node);
    }

    private Object unsafe(Node node, int line) {
        try {
            Object value = UnsafeTag.value(node, this::convert);
            if (value instanceof Map || value instanceof List) {
                lines.put(value, line);
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new PlaybookError(new SourceLocation(file, line), e.getMessage());
        }
    }

    /** snakeyaml's safe constructor, used only to give scalars their YAML 1.1 types. */
    private static final class ScalarConstructor extends SafeConstructor {
        static final ScalarConstructor INSTANCE = new ScalarConstructor();

        private ScalarConstructor() {
            super(new LoaderOptions());
        }

        synchronized Object scalar(ScalarNode node) {
            Object value = constructObject(node);
            if (value instanceof java.util.Date || value instanceof byte[]) {
                return node.getValue();
            }
            return value;
        }
    }
}
