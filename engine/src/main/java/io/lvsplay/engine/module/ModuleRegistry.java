package io.lvsplay.engine.module;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Finds modules by any of their names (short, ansible.builtin.*, ansible.posix.*, ansible.legacy.*). */
public final class ModuleRegistry {
    private final Map<String, Module> byName = new LinkedHashMap<>();

    public ModuleRegistry(Collection<Module> modules) {
        for (Module module : modules) {
            byName.put(module.name(), module);
            byName.put("ansible.legacy." + module.name(), module);
            for (String alias : module.aliases()) {
                byName.put(alias, module);
            }
        }
    }

    public Optional<Module> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean knows(String name) {
        return byName.containsKey(name);
    }

    /** Names close to an unknown one, for "did you mean" hints. */
    public List<String> suggestionsFor(String written) {
        String unknown = written.substring(written.lastIndexOf('.') + 1);
        TreeSet<String> close = new TreeSet<>();
        for (String name : byName.keySet()) {
            if (name.contains(".")) {
                continue;
            }
            if (distance(unknown.toLowerCase(), name) <= 2 || name.startsWith(unknown) || unknown.endsWith("." + name)) {
                close.add(name);
            }
        }
        return List.copyOf(close);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
