package io.lvsplay.engine.template.lookup;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The lookup plugins lvsplay has, by name (also as ansible.builtin.NAME), and those it refuses. */
public final class Lookups {
    private static final String BUILTIN_PREFIX = "ansible.builtin.";
    private static final Map<String, LookupPlugin> PLUGINS = new TreeMap<>();

    /** Ansible 2.14's other builtin lookups: refused by name, never silently empty. */
    private static final Set<String> UNSUPPORTED = Set.of("password", "config", "url", "csvfile", "ini",
            "unvault", "cartesian", "flattened", "dnstxt", "redis", "etcd", "nios");

    static {
        PLUGINS.put("items", ListLookups::items);
        PLUGINS.put("list", ListLookups::list);
        PLUGINS.put("indexed_items", ListLookups::indexedItems);
        PLUGINS.put("together", ListLookups::together);
        PLUGINS.put("nested", ListLookups::nested);
        PLUGINS.put("dict", ListLookups::dict);
        PLUGINS.put("random_choice", ListLookups::randomChoice);
        PLUGINS.put("subelements", SubelementsLookup::run);
        PLUGINS.put("sequence", SequenceLookup::run);
        PLUGINS.put("file", FileLookups::file);
        PLUGINS.put("fileglob", FileLookups::fileglob);
        PLUGINS.put("first_found", FirstFoundLookup::run);
        PLUGINS.put("lines", FileLookups::lines);
        PLUGINS.put("pipe", FileLookups::pipe);
        PLUGINS.put("template", TemplateLookup::run);
        PLUGINS.put("env", VarLookups::env);
        PLUGINS.put("vars", VarLookups::vars);
        PLUGINS.put("varnames", VarLookups::varnames);
        PLUGINS.put("inventory_hostnames", VarLookups::inventoryHostnames);
    }

    private Lookups() {
    }

    /** "ansible.builtin.file" and "ansible.legacy.file" are "file". */
    public static String shortName(String name) {
        if (name.startsWith(BUILTIN_PREFIX)) {
            return name.substring(BUILTIN_PREFIX.length());
        }
        return name.startsWith("ansible.legacy.") ? name.substring("ansible.legacy.".length()) : name;
    }

    public static Optional<LookupPlugin> find(String name) {
        return Optional.ofNullable(PLUGINS.get(shortName(name)));
    }

    /**
     * Why a lookup name cannot be used, or empty if lvsplay has it: Ansible's own "not found"
     * text for a name Ansible does not know either.
     */
    public static Optional<String> problem(String name) {
        String plugin = shortName(name);
        if (PLUGINS.containsKey(plugin)) {
            return Optional.empty();
        }
        if (UNSUPPORTED.contains(plugin)) {
            return Optional.of("lvsplay does not support the lookup plugin '" + plugin + "' yet");
        }
        return Optional.of("lookup plugin (" + plugin + ") not found");
    }
}
