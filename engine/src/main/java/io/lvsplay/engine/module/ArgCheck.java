package io.lvsplay.engine.module;

import io.lvsplay.engine.module.ArgSpec.Arg;
import io.lvsplay.engine.module.ArgSpec.RequiredIf;
import io.lvsplay.engine.module.ArgSpec.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks given arguments against an {@link ArgSpec}, with Ansible's messages. Values still
 * holding Jinja2 ({@code templated}) count as present but are not checked by value.
 */
final class ArgCheck {
    private final ArgSpec spec;
    private final String module;
    private final String where;
    private final List<String> problems = new ArrayList<>();

    ArgCheck(ArgSpec spec, String module) {
        this(spec, module, "");
    }

    private ArgCheck(ArgSpec spec, String module, String where) {
        this.spec = spec;
        this.module = module;
        this.where = where;
    }

    List<String> check(Map<String, Object> given, Set<String> templated) {
        Map<String, Object> present = canonicalNames(given);
        boolean raw = spec.isFreeForm() && present.containsKey("_raw_params");
        List<String> missing = new ArrayList<>();
        for (Arg arg : spec.args().values()) {
            Object value = present.get(arg.name());
            if (value == null) {
                if (arg.required() && !raw) {
                    missing.add(arg.name());
                }
            } else if (!templated.contains(arg.name())) {
                checkValue(arg, value);
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing required arguments: " + String.join(", ", missing) + where);
        }
        checkRules(present, templated, raw);
        return problems;
    }

    private Map<String, Object> canonicalNames(Map<String, Object> given) {
        Map<String, Object> present = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            String name = spec.canonical(e.getKey());
            if (spec.notSupported().containsKey(name)) {
                String why = spec.notSupported().get(name);
                problems.add("lvsplay does not support argument '" + e.getKey() + "' of module '" + module + "' yet"
                        + (why == null ? "" : " (" + why + ")") + where);
            } else if (spec.acceptsAnyArgs() || spec.args().containsKey(name)
                    || (spec.isFreeForm() && name.equals("_raw_params"))) {
                if (e.getValue() != null) {
                    present.put(name, e.getValue());
                }
            } else {
                unknown.add(e.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            List<String> known = new ArrayList<>();
            spec.args().values().forEach(a -> {
                known.add(a.name());
                known.addAll(a.aliases());
            });
            problems.add("Unsupported parameters for (" + module + ") module: " + String.join(", ", unknown)
                    + where + ". Supported parameters include: " + String.join(", ", known.stream().sorted().toList()));
        }
        return present;
    }

    private void checkRules(Map<String, Object> present, Set<String> templated, boolean raw) {
        for (List<String> group : spec.mutuallyExclusive) {
            // a templated value may still turn out to be omitted, so only literal ones count here
            if (group.stream().filter(n -> present.containsKey(n) && !templated.contains(n)).count() > 1) {
                problems.add("parameters are mutually exclusive: " + String.join("|", group) + where);
            }
        }
        for (List<String> group : spec.requiredOneOf) {
            if (!raw && group.stream().noneMatch(present::containsKey)) {
                problems.add("one of the following is required: " + String.join(", ", group) + where);
            }
        }
        for (List<String> group : spec.requiredTogether) {
            long count = group.stream().filter(present::containsKey).count();
            if (count > 0 && count < group.size()) {
                problems.add("parameters are required together: " + String.join(", ", group) + where);
            }
        }
        for (RequiredIf rule : spec.requiredIf) {
            Object value = present.get(rule.name());
            if (value == null || templated.contains(rule.name()) || !sameValue(value, rule.value())) {
                continue;
            }
            List<String> missing = rule.requirements().stream().filter(n -> !present.containsKey(n)).toList();
            boolean fails = rule.anyOf() ? missing.size() == rule.requirements().size() : !missing.isEmpty();
            if (fails) {
                problems.add(rule.name() + " is " + value + " but " + (rule.anyOf() ? "any" : "all")
                        + " of the following are missing: " + String.join(", ", missing) + where);
            }
        }
        spec.requiredBy.forEach((name, requirements) -> {
            if (present.containsKey(name)) {
                List<String> missing = requirements.stream().filter(n -> !present.containsKey(n)).toList();
                if (!missing.isEmpty()) {
                    problems.add("missing parameter(s) required by '" + name + "': " + String.join(", ", missing) + where);
                }
            }
        });
    }

    private static boolean sameValue(Object given, Object expected) {
        if (expected instanceof Boolean b) {
            return b.equals(ModuleArgs.toBool(given));
        }
        return String.valueOf(expected).equals(String.valueOf(given));
    }

    private void checkValue(Arg arg, Object value) {
        String problem = TypeCheck.problem(arg.name(), arg.type(), value);
        if (problem != null) {
            problems.add(problem + where);
            return;
        }
        if (arg.type() == Type.LIST) {
            checkElements(arg, value);
        } else if (!arg.choices().isEmpty() && !arg.choices().contains(choiceText(value))) {
            problems.add("value of " + arg.name() + " must be one of: " + String.join(", ", arg.choices())
                    + ", got: " + value + where);
        } else if (arg.options() != null && value instanceof Map<?, ?> m) {
            checkNested(arg, m, "");
        }
    }

    private void checkElements(Arg arg, Object value) {
        List<?> items = value instanceof List<?> l ? l : ModuleArgs.splitCommas(String.valueOf(value));
        List<String> noMatch = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (arg.elements() != null) {
                String problem = TypeCheck.problem("element of " + arg.name(), arg.elements(), item);
                if (problem != null) {
                    problems.add(problem + where);
                    continue;
                }
            }
            if (!arg.choices().isEmpty() && !arg.choices().contains(choiceText(item))) {
                noMatch.add(String.valueOf(item));
            }
            if (arg.options() != null && item instanceof Map<?, ?> m) {
                checkNested(arg, m, "[" + i + "]");
            }
        }
        if (!noMatch.isEmpty()) {
            problems.add("value of " + arg.name() + " must be one or more of: " + String.join(", ", arg.choices())
                    + ". Got no match for: " + String.join(", ", noMatch) + where);
        }
    }

    private void checkNested(Arg arg, Map<?, ?> value, String index) {
        Map<String, Object> sub = new LinkedHashMap<>();
        value.forEach((k, v) -> sub.put(String.valueOf(k), v));
        ArgCheck nested = new ArgCheck(arg.options(), module, " found in " + arg.name() + index + where);
        problems.addAll(nested.check(sub, Set.of()));
    }

    /** Choices are compared as YAML wrote them: true/false for booleans, digits for numbers. */
    private static String choiceText(Object value) {
        return value instanceof Boolean b ? String.valueOf(b) : String.valueOf(value);
    }
}
