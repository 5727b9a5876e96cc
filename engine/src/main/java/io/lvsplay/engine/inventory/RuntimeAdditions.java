package io.lvsplay.engine.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What group_by and add_host do to the in-memory inventory during a run, as Ansible's strategy
 * (_add_group, _add_host): each says whether it changed anything, which is the task's "changed".
 */
final class RuntimeAdditions {
    private RuntimeAdditions() {
    }

    static boolean addToGroup(InventoryModel model, String host, String groupName, List<String> parents) {
        boolean changed = false;
        boolean newGroup = !model.groups.containsKey(groupName);
        Group group = model.group(groupName);
        for (String parent : parents) {
            if (!model.groups.containsKey(parent)) {
                model.group(parent);
                changed = true;
            }
            if (!parent.equals(groupName) && model.groups.get(parent).children.add(groupName)) {
                group.parents.add(parent);
                changed = true;
            }
        }
        // the implicit localhost can join a group too, as in Ansible
        if (group.hosts.add(host)) {
            changed = true;
        }
        if (changed || newGroup) {
            model.reconcile();
        }
        return changed;
    }

    static boolean addHost(InventoryModel model, String host, Map<String, Object> vars, List<String> groups) {
        boolean changed = false;
        if (!model.hosts.containsKey(host)) {
            model.hosts.put(host, new LinkedHashMap<>());
            changed = true;
        }
        Map<String, Object> own = model.hosts.get(host);
        for (Map.Entry<String, Object> e : vars.entrySet()) {
            if (!own.containsKey(e.getKey()) || !java.util.Objects.equals(own.get(e.getKey()), e.getValue())) {
                own.put(e.getKey(), e.getValue());
                changed = true;
            }
        }
        for (String name : groups) {
            boolean newGroup = !model.groups.containsKey(name);
            if (model.group(name).hosts.add(host) || newGroup) {
                changed = true;
            }
        }
        if (changed) {
            model.reconcile();
        }
        return changed;
    }
}
