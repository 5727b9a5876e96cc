package io.lvsplay.engine.exec;

import io.lvsplay.engine.inventory.Inventory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a result's add_group (group_by) or add_host (add_host) to the in-memory inventory, as
 * Ansible's strategy does; the result is changed exactly when the inventory changed. Later plays
 * (and groups/group_names/hostvars) see the new hosts and groups.
 */
final class InventoryUpdates {
    private InventoryUpdates() {
    }

    @SuppressWarnings("unchecked")
    static TaskResult apply(Inventory inventory, String host, TaskResult result) {
        if (result.status() == TaskStatus.FAILED || result.status() == TaskStatus.SKIPPED
                || result.status() == TaskStatus.UNREACHABLE) {
            return result;
        }
        Map<String, Object> data = result.data();
        boolean changed;
        if (data.get("add_group") != null) {
            List<String> parents = ((List<Object>) data.getOrDefault("parent_groups", List.of("all"))).stream()
                    .map(String::valueOf).toList();
            changed = inventory.addToGroup(host, String.valueOf(data.get("add_group")), parents);
        } else if (data.get("add_host") instanceof Map<?, ?> added) {
            Map<String, Object> vars = new LinkedHashMap<>((Map<String, Object>) added.get("host_vars"));
            List<String> groups = ((List<Object>) added.get("groups")).stream().map(String::valueOf).toList();
            changed = inventory.addHost(String.valueOf(added.get("host_name")), vars, groups);
        } else {
            return result;
        }
        return result.judged(changed ? TaskStatus.CHANGED : TaskStatus.OK, changed, data);
    }
}
