package io.lvsplay.engine.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Templated, validated task arguments with typed getters; defaults come from the {@link ArgSpec}. */
public final class ModuleArgs {
    private final Map<String, Object> values;
    private final ArgSpec spec;

    public ModuleArgs(Map<String, Object> given, ArgSpec spec) {
        this.spec = spec;
        Map<String, Object> canonical = new LinkedHashMap<>();
        for (ArgSpec.Arg arg : spec.args().values()) {
            if (arg.defaultValue() != null) {
                canonical.put(arg.name(), arg.defaultValue());
            }
        }
        given.forEach((k, v) -> {
            if (v != null) {
                canonical.put(spec.canonical(k), v);
            }
        });
        this.values = Collections.unmodifiableMap(canonical);
    }

    public Map<String, Object> all() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String str(String name) {
        Object v = values.get(name);
        return v == null ? null : String.valueOf(v);
    }

    public String str(String name, String fallback) {
        String v = str(name);
        return v == null ? fallback : v;
    }

    /** The free-form argument of command/shell style modules. */
    public String rawParams() {
        return str("_raw_params");
    }

    public boolean bool(String name, boolean fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        Boolean b = toBool(v);
        if (b == null) {
            throw new ModuleFailure("argument '" + name + "' must be a boolean, got '" + v + "'");
        }
        return b;
    }

    public Integer integer(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new ModuleFailure("argument '" + name + "' must be an integer, got '" + v + "'");
        }
    }

    public int integer(String name, int fallback) {
        Integer v = integer(name);
        return v == null ? fallback : v;
    }

    /** A list argument; a comma-separated string is accepted too, as Ansible does. */
    public List<Object> list(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return new ArrayList<>(splitCommas(String.valueOf(v)));
    }

    /** Ansible's reading of a string as a list: comma-separated, blanks trimmed, empties dropped. */
    public static List<String> splitCommas(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> dict(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new ModuleFailure("argument '" + name + "' must be a dictionary");
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public ArgSpec spec() {
        return spec;
    }

    /** Ansible's boolean conversion: yes/no, true/false, on/off, 1/0. Null when not a boolean. */
    public static Boolean toBool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.intValue() != 0;
        }
        String s = String.valueOf(v).trim().toLowerCase();
        return switch (s) {
            case "yes", "true", "on", "1", "y", "t" -> true;
            case "no", "false", "off", "0", "n", "f", "" -> false;
            default -> null;
        };
    }
}
