package io.lvsplay.agent.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the agent config with snakeyaml's composer (the node tree, no object construction, so no tags or types
 * are ever instantiated) into {@link YamlNode}s that keep their line for file:line errors.
 */
public final class YamlReader {
    private static final int MAX_SIZE = 4 * 1024 * 1024;

    private final String file;

    private YamlReader(String file) {
        this.file = file;
    }

    public static YamlNode parse(String file, String text) throws InvalidConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported below with the line, in our words
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_SIZE);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new InvalidConfigException(file, m == null ? 0 : m.getLine() + 1, "YAML syntax: " + problem
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : ""));
        } catch (YAMLException e) {
            throw new InvalidConfigException(file, 0, "YAML: " + e.getMessage());
        }
        if (root == null) {
            return new YamlNode.Mapping(Map.of(), 1);
        }
        return new YamlReader(file).convert(root);
    }

    private YamlNode convert(Node node) throws InvalidConfigException {
        int line = node.getStartMark().getLine() + 1;
        if (node instanceof ScalarNode s) {
            return new YamlNode.Scalar(s.getValue(), line);
        }
        if (node instanceof SequenceNode seq) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(convert(item));
            }
            return new YamlNode.Sequence(items, line);
        }
        MappingNode map = (MappingNode) node;
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new InvalidConfigException(file, t.getKeyNode().getStartMark().getLine() + 1, "keys must be plain words");
            }
            if (entries.containsKey(key.getValue())) {
                throw new InvalidConfigException(file, key.getStartMark().getLine() + 1, "duplicate key '" + key.getValue() + "'");
            }
            entries.put(key.getValue(), convert(t.getValueNode()));
        }
        return new YamlNode.Mapping(entries, line);
    }
}
