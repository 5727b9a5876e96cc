package io.lvsplay.lab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lab host before it exists: its name, role, network attachments (the first is where the container
 * is started and whose address SSH uses) and the host variables the inventory gives it.
 */
public record HostPlan(String name, Role role, List<Attachment> attachments, Map<String, String> hostVars) {

    public HostPlan {
        if (attachments.isEmpty()) {
            throw new IllegalArgumentException("host " + name + " has no network");
        }
        attachments = List.copyOf(attachments);
        hostVars = Collections.unmodifiableMap(new LinkedHashMap<>(hostVars)); // keeps the inventory's order
    }

    /** The address SSH and the inventory use: the one on the first network the host is attached to. */
    public String address() {
        return attachments.get(0).address();
    }

    public List<String> addresses() {
        return attachments.stream().map(Attachment::address).toList();
    }
}
