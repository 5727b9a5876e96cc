package io.lvsplay.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code <labDir>/lab.json}: the lab as it was brought up (topology, networks, hosts, addresses, files),
 * for {@code lab status} and for tests and tools that want the layout without parsing the inventory.
 */
final class LabStateFile {

    static final String FILE_NAME = "lab.json";

    /** A host as recorded in lab.json. */
    record RecordedHost(String name, String container, List<String> addresses) {
    }

    private LabStateFile() {
    }

    static String render(LabPlan plan, String image, Path inventory, SshKeyPair key, Path knownHosts) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"name\": ").append(q(plan.name())).append(",\n");
        sb.append("  \"topology\": ").append(q(plan.topology().cliName())).append(",\n");
        sb.append("  \"lvsMode\": ").append(q(plan.topology().lvsMode())).append(",\n");
        sb.append("  \"image\": ").append(q(image)).append(",\n");
        sb.append("  \"vip\": ").append(q(plan.vip())).append(",\n");
        sb.append("  \"vipPort\": ").append(plan.vipPort()).append(",\n");
        sb.append("  \"inventory\": ").append(q(inventory.toAbsolutePath().normalize().toString())).append(",\n");
        sb.append("  \"privateKey\": ").append(q(key.privateKey().toString())).append(",\n");
        sb.append("  \"knownHosts\": ").append(q(knownHosts.toAbsolutePath().normalize().toString())).append(",\n");
        StringJoiner networks = new StringJoiner(",\n", "  \"networks\": [\n", "\n  ],\n");
        for (LabNetwork n : plan.networks()) {
            networks.add("    {\"key\": " + q(n.key()) + ", \"docker\": " + q(LabNames.network(plan.name(), n.key()))
                    + ", \"subnet\": " + q(n.subnet().cidr()) + "}");
        }
        sb.append(networks);
        StringJoiner hosts = new StringJoiner(",\n", "  \"hosts\": [\n", "\n  ]\n");
        for (HostPlan h : plan.hosts()) {
            StringJoiner attachments = new StringJoiner(", ", "[", "]");
            for (Attachment a : h.attachments()) {
                attachments.add("{\"network\": " + q(a.network()) + ", \"address\": " + q(a.address())
                        + ", \"iface\": " + q(a.iface()) + "}");
            }
            hosts.add("    {\"name\": " + q(h.name()) + ", \"group\": " + q(h.role().inventoryGroup())
                    + ", \"container\": " + q(LabNames.container(plan.name(), h.name()))
                    + ", \"attachments\": " + attachments + "}");
        }
        sb.append(hosts).append("}\n");
        return sb.toString();
    }

    /** The hosts recorded in {@code file}; empty when the file does not exist. */
    @SuppressWarnings("unchecked")
    static List<RecordedHost> readHosts(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            // JSON is YAML, and snakeyaml is already on the class path through the engine.
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            List<RecordedHost> hosts = new ArrayList<>();
            for (Map<String, Object> h : (List<Map<String, Object>>) root.get("hosts")) {
                List<String> addresses = new ArrayList<>();
                for (Map<String, Object> a : (List<Map<String, Object>>) h.get("attachments")) {
                    addresses.add((String) a.get("address"));
                }
                hosts.add(new RecordedHost((String) h.get("name"), (String) h.get("container"), addresses));
            }
            return hosts;
        } catch (IOException | RuntimeException e) {
            throw new LabException("cannot read lab state " + file + " (" + e.getMessage()
                    + "); 'lab down' removes the lab and this file", e);
        }
    }

    private static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
