package io.lvsplay.engine.inventory;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.lvsplay.engine.vault.VaultError;
import io.lvsplay.engine.vault.VaultYaml;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads Ansible's YAML inventory format: top-level keys are groups (usually just "all"),
 * each with optional {@code hosts}, {@code vars} and {@code children} mappings. Works on the
 * node tree so that errors can point at the offending line.
 */
final class YamlInventoryParser {
    private final InventoryModel model;
    private final String file;
    private final VaultYaml.VaultConstructor values = new VaultYaml.VaultConstructor();

    private YamlInventoryParser(InventoryModel model, String file) {
        this.model = model;
        this.file = file;
    }

    static void parse(InventoryModel model, String file, String text) {
        new YamlInventoryParser(model, file).parseDocument(text);
    }

    private void parseDocument(String text) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new InventoryError(file, line, "invalid YAML: " + e.getProblem() + " — fix the syntax at this line");
        }
        if (root == null) {
            throw new InventoryError(file, 1, "YAML inventory is empty — define at least 'all:' with hosts or children");
        }
        if (!(root instanceof MappingNode groups)) {
            throw error(root, "a YAML inventory must be a mapping of group names (usually 'all:') — see the Ansible YAML inventory format");
        }
        for (NodeTuple entry : groups.getValue()) {
            if (scalar(entry.getKeyNode()).equals("plugin")) {
                throw error(entry.getKeyNode(), "this is an inventory plugin configuration, which lvsplay does not run — use a static INI or YAML inventory");
            }
        }
        for (NodeTuple entry : groups.getValue()) {
            parseGroup(scalar(entry.getKeyNode()), entry.getValueNode());
        }
    }

    private void parseGroup(String group, Node body) {
        model.group(group);
        if (isNull(body)) {
            return;
        }
        if (!(body instanceof MappingNode sections)) {
            throw error(body, "group '" + group + "' must be a mapping with hosts:, vars: or children:");
        }
        for (NodeTuple section : sections.getValue()) {
            String key = scalar(section.getKeyNode());
            Node value = section.getValueNode();
            // Ansible only warns here and drops the entry; a host written straight under its group
            // would silently vanish, so this is an error.
            if (!List.of("hosts", "vars", "children").contains(key)) {
                throw error(section.getKeyNode(), "unexpected key '" + key + "' in group '" + group
                        + "' — only hosts:, vars: and children: are allowed (list hosts under hosts:)");
            }
            if (isNull(value)) {
                continue;
            }
            switch (key) {
                case "hosts" -> parseHosts(group, value);
                case "vars" -> parseVars(group, value);
                default -> parseChildren(group, value);
            }
        }
    }

    private void parseHosts(String group, Node hosts) {
        for (NodeTuple entry : mappingOrName(hosts, group, "hosts").getValue()) {
            Node nameNode = entry.getKeyNode();
            HostDefinition definition;
            try {
                definition = HostDefinition.parse(scalar(nameNode));
            } catch (IllegalArgumentException e) {
                throw error(nameNode, e.getMessage());
            }
            Map<String, Object> vars = isNull(entry.getValueNode()) ? Map.of() : mapping(entry.getValueNode(),
                    "vars of host '" + scalar(nameNode) + "' must be a mapping of name: value");
            for (String host : definition.names()) {
                model.addHost(host, group, definition.port());
                vars.forEach((key, value) -> model.setHostVar(host, key, value, file, line(entry.getKeyNode())));
            }
        }
    }

    private void parseVars(String group, Node vars) {
        mapping(vars, "vars of group '" + group + "' must be a mapping of name: value")
                .forEach((key, value) -> model.setGroupVar(group, key, value, file, line(vars)));
    }

    private void parseChildren(String group, Node children) {
        for (NodeTuple entry : mappingOrName(children, group, "children").getValue()) {
            String child = scalar(entry.getKeyNode());
            parseGroup(child, entry.getValueNode());
            model.addChild(group, child, file, line(entry.getKeyNode()));
        }
    }

    /** Ansible accepts a bare name where a one-entry mapping is expected ({@code hosts: web1}). */
    private MappingNode mappingOrName(Node node, String group, String section) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        if (node instanceof ScalarNode name) {
            return new MappingNode(Tag.MAP, List.of(new NodeTuple(name, nullNode(name))), null);
        }
        throw error(node, "'" + section + "' of group '" + group + "' must be a mapping of names — write each name as 'name:' on its own line");
    }

    private Map<String, Object> mapping(Node node, String problem) {
        if (!(node instanceof MappingNode)) {
            throw error(node, problem);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        try {
            ((Map<?, ?>) values.valueOf(node)).forEach((key, value) -> vars.put(String.valueOf(key), value));
        } catch (VaultError e) {
            throw new InventoryError(file, e.line() > 0 ? e.line() : line(node), e.getMessage());
        }
        return vars;
    }

    private String scalar(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, "expected a name here, found a " + node.getNodeId() + " — group and host names must be plain strings");
        }
        return scalar.getValue();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    private static Node nullNode(Node near) {
        return new ScalarNode(Tag.NULL, "", near.getStartMark(), near.getEndMark(), DumperOptions.ScalarStyle.PLAIN);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private InventoryError error(Node node, String message) {
        return new InventoryError(file, line(node), message);
    }
}
