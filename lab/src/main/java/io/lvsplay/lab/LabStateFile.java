package io.lvsplay.lab;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code <labDir>/lab.json}: the lab as it was brought up (topology, networks, hosts, addresses, files),
 * for {@code lab status} and for tests and tools that want the layout without parsing the inventory.
 * Written and read by Jackson from the records below.
 */
final class LabStateFile {

    static final String FILE_NAME = "lab.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A host as recorded in lab.json. */
    record RecordedHost(String name, String container, List<String> addresses) {
    }

    /** The file's shape. */
    record State(String name, String topology, String lvsMode, String image, String vip, int vipPort,
            String inventory, String privateKey, String knownHosts, List<Network> networks, List<Host> hosts) {
    }

    record Network(String key, String docker, String subnet) {
    }

    record Host(String name, String group, String container, List<Link> attachments) {
    }

    record Link(String network, String address, String iface) {
    }

    private LabStateFile() {
    }

    static String render(LabPlan plan, String image, Path inventory, SshKeyPair key, Path knownHosts) {
        List<Network> networks = plan.networks().stream()
                .map(n -> new Network(n.key(), LabNames.network(plan.name(), n.key()), n.subnet().cidr())).toList();
        List<Host> hosts = plan.hosts().stream()
                .map(h -> new Host(h.name(), h.role().inventoryGroup(), LabNames.container(plan.name(), h.name()),
                        h.attachments().stream().map(a -> new Link(a.network(), a.address(), a.iface())).toList()))
                .toList();
        State state = new State(plan.name(), plan.topology().cliName(), plan.topology().lvsMode(), image, plan.vip(),
                plan.vipPort(), absolute(inventory), key.privateKey().toString(), absolute(knownHosts), networks, hosts);
        try {
            return JSON.writeValueAsString(state) + "\n";
        } catch (JacksonException e) {
            throw new LabException("cannot render the lab state: " + e.getMessage(), e);
        }
    }

    /** The hosts recorded in {@code file}; empty when the file does not exist. */
    static List<RecordedHost> readHosts(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            State state = JSON.readValue(file.toFile(), State.class);
            return state.hosts().stream()
                    .map(h -> new RecordedHost(h.name(), h.container(), h.attachments().stream().map(Link::address).toList()))
                    .toList();
        } catch (IOException | RuntimeException e) {
            throw new LabException("cannot read lab state " + file + " (" + e.getMessage()
                    + "); 'lab down' removes the lab and this file", e);
        }
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
