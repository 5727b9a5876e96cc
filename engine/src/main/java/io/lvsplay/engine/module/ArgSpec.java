package io.lvsplay.engine.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments a module accepts, in Ansible's argument_spec spirit: name, type, required,
 * default, choices, aliases. Checked twice: once before any host is contacted (names, required,
 * literal values), and again on the templated values just before planning.
 */
public final class ArgSpec {

    public enum Type { STR, BOOL, INT, LIST, DICT, RAW, PATH }

    public record Arg(String name, Type type, boolean required, Object defaultValue,
                      List<String> choices, List<String> aliases, boolean secret) {}

    private final Map<String, Arg> args = new LinkedHashMap<>();
    private final Map<String, String> aliasToName = new LinkedHashMap<>();
    private boolean freeForm;
    private boolean anyArgs;
    private final List<List<String>> mutuallyExclusive = new ArrayList<>();
    private final List<List<String>> requiredOneOf = new ArrayList<>();

    public static ArgSpec of() {
        return new ArgSpec();
    }

    public ArgSpec arg(String name, Type type) {
        return add(new Arg(name, type, false, null, List.of(), List.of(), false));
    }

    public ArgSpec required(String name, Type type) {
        return add(new Arg(name, type, true, null, List.of(), List.of(), false));
    }

    public ArgSpec arg(String name, Type type, Object defaultValue) {
        return add(new Arg(name, type, false, defaultValue, List.of(), List.of(), false));
    }

    public ArgSpec choice(String name, Object defaultValue, String... choices) {
        return add(new Arg(name, Type.STR, false, defaultValue, List.of(choices), List.of(), false));
    }

    /** An argument whose value must never be printed (passwords). */
    public ArgSpec secret(String name) {
        return add(new Arg(name, Type.STR, false, null, List.of(), List.of(), true));
    }

    public ArgSpec alias(String alias, String name) {
        aliasToName.put(alias, name);
        return this;
    }

    /** The module takes a free-form string (command/shell): {@code shell: echo hi}, kept as "_raw_params". */
    public ArgSpec freeForm() {
        this.freeForm = true;
        return this;
    }

    /** The module accepts any argument name (set_fact). */
    public ArgSpec anyArgs() {
        this.anyArgs = true;
        return this;
    }

    public ArgSpec mutuallyExclusive(String... names) {
        mutuallyExclusive.add(List.of(names));
        return this;
    }

    public ArgSpec requiredOneOf(String... names) {
        requiredOneOf.add(List.of(names));
        return this;
    }

    private ArgSpec add(Arg arg) {
        args.put(arg.name(), arg);
        return this;
    }

    public boolean isFreeForm() {
        return freeForm;
    }

    public boolean acceptsAnyArgs() {
        return anyArgs;
    }

    public Map<String, Arg> args() {
        return args;
    }

    /** Names of arguments whose values must be hidden in output. */
    public Set<String> secretNames() {
        Set<String> names = new java.util.HashSet<>();
        args.values().stream().filter(Arg::secret).forEach(a -> names.add(a.name()));
        return names;
    }

    /** Resolves aliases to canonical names; unknown names are kept as they are (validate reports them). */
    public String canonical(String name) {
        return aliasToName.getOrDefault(name, name);
    }

    /**
     * Checks the given arguments. {@code templated} tells which values still contain Jinja2
     * expressions and so cannot be type-checked yet. Returns human-readable problems, empty if fine.
     */
    public List<String> validate(Map<String, Object> given, Set<String> templated) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> canonical = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            String name = canonical(e.getKey());
            if (!anyArgs && !args.containsKey(name) && !(freeForm && name.equals("_raw_params"))) {
                problems.add("unsupported parameter '" + e.getKey() + "' (supported: "
                        + String.join(", ", args.keySet()) + ")");
                continue;
            }
            canonical.put(name, e.getValue());
        }
        for (Arg arg : args.values()) {
            Object value = canonical.get(arg.name());
            if (arg.required() && value == null && !(freeForm && canonical.containsKey("_raw_params"))) {
                problems.add("missing required argument '" + arg.name() + "'");
                continue;
            }
            if (value == null || templated.contains(arg.name())) {
                continue;
            }
            String typeProblem = typeProblem(arg, value);
            if (typeProblem != null) {
                problems.add(typeProblem);
            }
        }
        for (List<String> group : mutuallyExclusive) {
            long present = group.stream().filter(canonical::containsKey).count();
            if (present > 1) {
                problems.add("parameters are mutually exclusive: " + String.join("|", group));
            }
        }
        for (List<String> group : requiredOneOf) {
            if (group.stream().noneMatch(canonical::containsKey)
                    && !(freeForm && canonical.containsKey("_raw_params"))) {
                problems.add("one of the following is required: " + String.join(", ", group));
            }
        }
        return problems;
    }

    private static String typeProblem(Arg arg, Object value) {
        switch (arg.type()) {
            case BOOL -> {
                if (ModuleArgs.toBool(value) == null) {
                    return "argument '" + arg.name() + "' is of type " + value.getClass().getSimpleName()
                            + " and we were unable to convert to bool: '" + value + "'";
                }
            }
            case INT -> {
                try {
                    Long.parseLong(String.valueOf(value).trim());
                } catch (NumberFormatException e) {
                    return "argument '" + arg.name() + "' must be an integer, got '" + value + "'";
                }
            }
            case LIST -> {
                if (!(value instanceof List) && !(value instanceof String)) {
                    return "argument '" + arg.name() + "' must be a list";
                }
            }
            case DICT -> {
                if (!(value instanceof Map)) {
                    return "argument '" + arg.name() + "' must be a dictionary";
                }
            }
            default -> {
                if (!arg.choices().isEmpty() && !arg.choices().contains(String.valueOf(value))) {
                    return "value of " + arg.name() + " must be one of: " + String.join(", ", arg.choices())
                            + ", got: " + value;
                }
            }
        }
        return null;
    }
}
