package io.lvsplay.engine.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hosts, groups and inventory variables, with Ansible's semantics. Built by
 * {@link InventoryLoader}; a playbook run adds the playbook's own group_vars/host_vars with
 * {@link #loadVarsDir(Path)}.
 */
public final class Inventory {
    private static final Comparator<String> NAME_ORDER = Comparator.naturalOrder();

    private final InventoryModel model;
    private final List<VarsFiles> inventoryVarsFiles = new ArrayList<>();
    private final List<VarsFiles> playbookVarsFiles = new ArrayList<>();

    /** What the user should be told about the sources (as Ansible's inventory warnings). */
    public List<String> warnings() {
        return List.copyOf(model.warnings);
    }

    Inventory(InventoryModel model, List<Path> inventoryVarsDirs) {
        this.model = model;
        for (Path dir : inventoryVarsDirs) {
            inventoryVarsFiles.add(readVarsFiles(dir));
        }
    }

    /** Declared hosts in definition order; the implicit localhost is not one of them. */
    public synchronized List<String> hostNames() {
        return List.copyOf(model.hosts.keySet());
    }

    /** The inventory's hosts and the implicit localhost names a play may target without them. */
    public synchronized List<String> hostNamesWithImplicitLocalhost() {
        Set<String> names = new LinkedHashSet<>(model.hosts.keySet());
        names.addAll(HostPatterns.LOCALHOST_NAMES);
        return List.copyOf(names);
    }

    /**
     * The host with its own vars (inventory line, then host_vars files), or null if unknown.
     * "localhost", "127.0.0.1" and "::1" are always known: when the inventory does not declare
     * them they are Ansible's implicit localhost, reached with ansible_connection=local.
     */
    public synchronized InventoryHost host(String name) {
        if (!model.hosts.containsKey(name) && !isImplicitLocalhost(name)) {
            return null;
        }
        Map<String, Object> vars = new LinkedHashMap<>(inventoryHostVars(name));
        for (VarsFiles files : allVarsFiles()) {
            vars.putAll(files.ofHost(name));
        }
        return new InventoryHost(name, Collections.unmodifiableMap(vars));
    }

    /** The {@code groups} magic variable: every group, "all" and "ungrouped" included, with its hosts and its subgroups' hosts. */
    public synchronized Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String group : model.groups.keySet()) {
            groups.put(group, List.copyOf(model.hostsOf(group)));
        }
        return Collections.unmodifiableMap(groups);
    }

    /**
     * The {@code group_names} magic variable: sorted groups of the host, "all" excluded.
     * Like Ansible, a host without any group reports "ungrouped".
     */
    public synchronized List<String> groupNamesOf(String host) {
        if (!model.hosts.containsKey(host)) {
            return List.of();
        }
        List<String> names = new ArrayList<>(model.groupsOf(host));
        names.remove(InventoryModel.ALL);
        names.sort(NAME_ORDER);
        return List.copyOf(names);
    }

    /**
     * The host's inventory variables merged by Ansible's precedence, lowest first:
     * "all" from inventory files; other groups from inventory files; group_vars/all beside the
     * inventory, then beside the playbook; other group_vars beside the inventory, then beside the
     * playbook; the host's inventory line; host_vars beside the inventory, then beside the playbook.
     * Groups are applied by depth, then ansible_group_priority, then name, so children beat
     * parents. A later dict replaces an earlier one whole (hash_behaviour=replace).
     */
    public synchronized Map<String, Object> varsOf(String host) {
        Map<String, Object> vars = new LinkedHashMap<>(model.groups.get(InventoryModel.ALL).vars);
        List<String> groups = sortedGroupsOf(host);
        for (String group : groups) {
            vars.putAll(model.groups.get(group).vars);
        }
        for (VarsFiles files : allVarsFiles()) {
            vars.putAll(files.ofGroup(InventoryModel.ALL));
        }
        for (VarsFiles files : allVarsFiles()) {
            for (String group : groups) {
                vars.putAll(files.ofGroup(group));
            }
        }
        vars.putAll(inventoryHostVars(host));
        for (VarsFiles files : allVarsFiles()) {
            vars.putAll(files.ofHost(host));
        }
        return vars;
    }

    /**
     * Where each of the host's inventory variables is set, by the same precedence as {@link #varsOf}:
     * "FILE:LINE" for an inventory line, the file for group_vars/host_vars. Messages about a bad value
     * name it, so the user knows which line to fix.
     */
    public synchronized Map<String, String> originsOf(String host) {
        Map<String, String> origins = new LinkedHashMap<>(model.groups.get(InventoryModel.ALL).varOrigins);
        List<String> groups = sortedGroupsOf(host);
        for (String group : groups) {
            origins.putAll(model.groups.get(group).varOrigins);
        }
        for (VarsFiles files : allVarsFiles()) {
            origins.putAll(files.originsOfGroup(InventoryModel.ALL));
        }
        for (VarsFiles files : allVarsFiles()) {
            for (String group : groups) {
                origins.putAll(files.originsOfGroup(group));
            }
        }
        origins.putAll(model.hostVarOrigins.getOrDefault(host, Map.of()));
        for (VarsFiles files : allVarsFiles()) {
            origins.putAll(files.originsOfHost(host));
        }
        return origins;
    }

    /**
     * Hosts matching an Ansible host pattern, deduplicated, in the order Ansible would run them.
     * A name that is no group or host matches nothing (callers warn, as Ansible does).
     *
     * @throws InventoryError for a pattern that cannot be evaluated, e.g. an invalid ~regex
     */
    public synchronized List<String> select(String pattern) {
        return List.copyOf(new HostPatterns(model).select(pattern));
    }

    /** group_by: the host joins the group (created under "all" or the parents); true when anything changed. */
    public synchronized boolean addToGroup(String host, String group, List<String> parents) {
        return RuntimeAdditions.addToGroup(model, host, group, parents);
    }

    /** add_host: the host is declared (if new), its vars merged, and it joins the groups; true when anything changed. */
    public synchronized boolean addHost(String host, Map<String, Object> vars, List<String> groups) {
        return RuntimeAdditions.addHost(model, host, vars, groups);
    }

    /** What {@code ansible-inventory --list} prints, as maps and lists. */
    public Map<String, Object> toListJson() {
        Map<String, Object> result = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        addGroupListing(InventoryModel.ALL, result, seen);
        Map<String, Object> hostvars = new LinkedHashMap<>();
        for (String host : model.hostsOf(InventoryModel.ALL)) {
            Map<String, Object> vars = varsOf(host);
            if (!vars.isEmpty()) {
                hostvars.put(host, vars);
            }
        }
        result.put("_meta", Map.of("hostvars", hostvars));
        return result;
    }

    /** {@link #toListJson()} formatted like ansible-inventory: indent 4, sorted keys. */
    public String toJsonText() {
        return io.lvsplay.engine.output.JsonText.prettySorted(toListJson());
    }

    /**
     * Adds the group_vars/ and host_vars/ under a playbook's directory. Ansible reads these too,
     * and they override the ones beside the inventory. Later calls override earlier ones.
     */
    public void loadVarsDir(Path dir) {
        playbookVarsFiles.add(readVarsFiles(dir));
    }

    /** Direct hosts and subgroups of each group reachable from "all"; empty keys and groups left out, as Ansible does. */
    private void addGroupListing(String group, Map<String, Object> result, Set<String> seen) {
        seen.add(group);
        Map<String, Object> entry = new LinkedHashMap<>();
        Group node = model.groups.get(group);
        if (!group.equals(InventoryModel.ALL) && !node.hosts.isEmpty()) {
            entry.put("hosts", List.copyOf(node.hosts));
        }
        if (!node.children.isEmpty()) {
            entry.put("children", List.copyOf(node.children));
        }
        if (!entry.isEmpty()) {
            result.put(group, entry);
        }
        for (String child : node.children) {
            if (!seen.contains(child)) {
                addGroupListing(child, result, seen);
            }
        }
    }

    private List<String> sortedGroupsOf(String host) {
        List<String> groups = new ArrayList<>(model.hosts.containsKey(host) ? model.groupsOf(host) : Set.of());
        groups.remove(InventoryModel.ALL);
        groups.sort(Comparator.<String>comparingInt(model::depth)
                .thenComparingInt(group -> model.groups.get(group).priority)
                .thenComparing(NAME_ORDER));
        return groups;
    }

    private Map<String, Object> inventoryHostVars(String host) {
        if (model.hosts.containsKey(host)) {
            return model.hosts.get(host);
        }
        return isImplicitLocalhost(host) ? Map.of("ansible_connection", "local") : Map.of();
    }

    private boolean isImplicitLocalhost(String name) {
        return HostPatterns.LOCALHOST_NAMES.contains(name) && !model.hosts.containsKey(name);
    }

    private List<VarsFiles> allVarsFiles() {
        List<VarsFiles> all = new ArrayList<>(inventoryVarsFiles);
        all.addAll(playbookVarsFiles);
        return all;
    }

    private VarsFiles readVarsFiles(Path dir) {
        Set<String> hostNames = new LinkedHashSet<>(model.hosts.keySet());
        hostNames.addAll(HostPatterns.LOCALHOST_NAMES);
        return VarsFiles.read(dir, model.groups.keySet(), hostNames);
    }
}
