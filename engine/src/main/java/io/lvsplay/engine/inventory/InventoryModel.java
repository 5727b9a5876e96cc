package io.lvsplay.engine.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hosts and groups as the inventory sources declare them, before any group_vars/host_vars
 * files. Parsers add to it; {@link #reconcile()} then applies Ansible's implicit rules.
 */
final class InventoryModel {
    static final String ALL = "all";
    static final String UNGROUPED = "ungrouped";

    /** host name -> vars from inventory sources, in definition order */
    final Map<String, Map<String, Object>> hosts = new LinkedHashMap<>();
    /** host name -> var -> where an inventory source sets it ("FILE:LINE") */
    final Map<String, Map<String, String>> hostVarOrigins = new LinkedHashMap<>();
    /** group name -> group, in creation order ("all" and "ungrouped" first, as in Ansible) */
    final Map<String, Group> groups = new LinkedHashMap<>();
    /** Sources Ansible only warns about (a path that does not exist), one line each. */
    final java.util.List<String> warnings = new java.util.ArrayList<>();

    InventoryModel() {
        group(ALL);
        group(UNGROUPED);
        groups.get(ALL).children.add(UNGROUPED);
        groups.get(UNGROUPED).parents.add(ALL);
    }

    /** The named group, created when first mentioned. */
    Group group(String name) {
        return groups.computeIfAbsent(name, Group::new);
    }

    /** Declares a host as a member of a group; a port from "name:port" becomes ansible_port. */
    void addHost(String host, String group, Integer port) {
        Map<String, Object> vars = hosts.computeIfAbsent(host, h -> new LinkedHashMap<>());
        group(group).hosts.add(host);
        if (port != null) {
            vars.put("ansible_port", port);
        }
    }

    void setHostVar(String host, String key, Object value, String file, int line) {
        checkPort(key, value, file, line);
        hosts.get(host).put(key, value);
        hostVarOrigins.computeIfAbsent(host, h -> new LinkedHashMap<>()).put(key, origin(file, line));
    }

    /** "FILE:LINE", or the file alone when the source has no lines (an inventory script). */
    static String origin(String file, int line) {
        return line > 0 ? file + ":" + line : file;
    }

    /** ansible_port must be a number (or a template); Ansible would fail only when it connects. */
    private static void checkPort(String key, Object value, String file, int line) {
        if ((key.equals("ansible_port") || key.equals("ansible_ssh_port")) && !(value instanceof Integer || value instanceof Long)
                && !String.valueOf(value).contains("{{") && !String.valueOf(value).strip().matches("[0-9]{1,5}")) {
            throw new InventoryError(file, line, key + " is '" + value + "' — it must be a port number (1-65535)");
        }
    }

    /** Sets an inventory-file group var; ansible_group_priority only orders groups and is not a var. */
    void setGroupVar(String group, String key, Object value, String file, int line) {
        if (key.equals("ansible_group_priority")) {
            try {
                group(group).priority = Integer.parseInt(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw new InventoryError(file, line, "ansible_group_priority of group '" + group + "' is '" + value + "' — it must be an integer");
            }
            return;
        }
        checkPort(key, value, file, line);
        group(group).vars.put(key, value);
        group(group).varOrigins.put(key, origin(file, line));
    }

    /** Makes child a subgroup of parent, refusing loops, which Ansible rejects as well. */
    void addChild(String parent, String child, String file, int line) {
        if (parent.equals(child) || descendants(child).contains(parent)) {
            throw new InventoryError(file, line, "making group '" + child + "' a child of '" + parent
                    + "' creates a loop (" + parent + " is already below " + child + ") — remove one of the two :children entries");
        }
        group(parent).children.add(child);
        group(child).parents.add(parent);
    }

    /**
     * Ansible's reconcile step: every group without a parent hangs under "all", hosts that
     * belong to no group land in "ungrouped", and hosts that do belong elsewhere leave it.
     */
    void reconcile() {
        for (Group group : groups.values()) {
            if (!group.name.equals(ALL) && group.parents.isEmpty()) {
                groups.get(ALL).children.add(group.name);
                group.parents.add(ALL);
            }
        }
        Set<String> grouped = new HashSet<>();
        for (Group group : groups.values()) {
            if (!group.name.equals(ALL) && !group.name.equals(UNGROUPED)) {
                grouped.addAll(group.hosts);
            }
        }
        Group ungrouped = groups.get(UNGROUPED);
        ungrouped.hosts.removeAll(grouped);
        for (String host : hosts.keySet()) {
            if (!grouped.contains(host)) {
                ungrouped.hosts.add(host);
            }
        }
    }

    /** The group and its subgroups, breadth first in declaration order (Ansible's preserve_ordering walk). */
    List<String> selfAndDescendants(String group) {
        List<String> ordered = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(group);
        seen.add(group);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            ordered.add(current);
            for (String child : groups.get(current).children) {
                if (seen.add(child)) {
                    queue.add(child);
                }
            }
        }
        return ordered;
    }

    private Set<String> descendants(String group) {
        if (!groups.containsKey(group)) {
            return Set.of();
        }
        return new HashSet<>(selfAndDescendants(group));
    }

    /** Hosts of the group and of all its subgroups, own hosts first, without duplicates. */
    List<String> hostsOf(String group) {
        Set<String> result = new LinkedHashSet<>();
        for (String member : selfAndDescendants(group)) {
            result.addAll(groups.get(member).hosts);
        }
        return new ArrayList<>(result);
    }

    /** The groups a host belongs to, directly or through subgroup membership, including "all". */
    Set<String> groupsOf(String host) {
        Set<String> result = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        for (Group group : groups.values()) {
            if (group.hosts.contains(host)) {
                pending.add(group.name);
            }
        }
        while (!pending.isEmpty()) {
            String group = pending.poll();
            if (result.add(group)) {
                pending.addAll(groups.get(group).parents);
            }
        }
        result.add(ALL);
        return result;
    }

    /** Distance from "all" along the longest parent chain, Ansible's group depth. */
    int depth(String group) {
        return depth(group, new HashSet<>());
    }

    private int depth(String group, Set<String> visiting) {
        if (group.equals(ALL) || !visiting.add(group)) {
            return 0;
        }
        int deepestParent = 0;
        for (String parent : groups.get(group).parents) {
            deepestParent = Math.max(deepestParent, depth(parent, visiting));
        }
        visiting.remove(group);
        return deepestParent + 1;
    }
}
