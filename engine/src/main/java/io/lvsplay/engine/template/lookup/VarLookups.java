package io.lvsplay.engine.template.lookup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The lookups that read variables and the environment: vars, varnames, env, inventory_hostnames. */
final class VarLookups {
    private VarLookups() {
    }

    static List<Object> vars(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> values = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof String name)) {
                throw new LookupFailure("Invalid setting identifier, \"" + context.str(term) + "\" is not a string");
            }
            Optional<Object> value = context.variable(name);
            if (value.isEmpty()) {
                if (!options.containsKey("default")) {
                    throw new LookupFailure("No variable found with this name: " + name);
                }
                values.add(options.get("default"));
            } else {
                values.add(value.get());
            }
        }
        return values;
    }

    /** varnames: the names of the variables that each regular expression finds (re.search). */
    static List<Object> varnames(List<Object> terms, Map<String, Object> options, LookupContext context) {
        Set<String> names = context.variableNames();
        List<Object> found = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof String regex)) {
                throw new LookupFailure("Invalid setting identifier, \"" + context.str(term) + "\" is not a string");
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new LookupFailure("Unable to use \"" + regex + "\" as a search parameter: " + pythonReason(e));
            }
            for (String name : names) {
                if (pattern.matcher(name).find()) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    /** Python's wording for the commonest regex mistakes, which tests and users look for. */
    private static String pythonReason(PatternSyntaxException e) {
        String reason = e.getDescription();
        if (reason.startsWith("Dangling meta character")) {
            return "nothing to repeat at position " + Math.max(e.getIndex(), 0);
        }
        return reason;
    }

    static List<Object> env(List<Object> terms, Map<String, Object> options, LookupContext context) {
        Object fallback = options.getOrDefault("default", "");
        List<Object> values = new ArrayList<>();
        for (Object term : terms) {
            String[] words = context.str(term).trim().split("\\s+");
            String value = words[0].isEmpty() ? null : System.getenv(words[0]);
            values.add(value != null ? value : fallback);
        }
        return values;
    }

    /**
     * inventory_hostnames: the hosts a pattern names ("web:db", "all:!db", "web:&prod", "web*"),
     * in inventory order.
     */
    static List<Object> inventoryHostnames(List<Object> terms, Map<String, Object> options, LookupContext context) {
        Map<?, ?> groups = context.variable("groups").filter(Map.class::isInstance).map(Map.class::cast)
                .orElse(Map.of());
        List<String> all = names(groups.get("all"));
        Set<String> selected = new LinkedHashSet<>();
        for (Object term : terms) {
            for (String part : context.str(term).split("[:,]")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                if (p.startsWith("!")) {
                    selected.removeAll(match(p.substring(1), groups, all));
                } else if (p.startsWith("&")) {
                    selected.retainAll(match(p.substring(1), groups, all));
                } else {
                    selected.addAll(match(p, groups, all));
                }
            }
        }
        List<Object> ordered = new ArrayList<>();
        all.stream().filter(selected::contains).forEach(ordered::add);
        return ordered;
    }

    private static Set<String> match(String pattern, Map<?, ?> groups, List<String> all) {
        Set<String> hosts = new LinkedHashSet<>();
        if (pattern.equals("*")) {
            hosts.addAll(all);
            return hosts;
        }
        Pattern glob = Pattern.compile(pattern.replace(".", "\\.").replace("*", ".*").replace("?", "."));
        groups.forEach((name, members) -> {
            if (glob.matcher(String.valueOf(name)).matches()) {
                hosts.addAll(names(members));
            }
        });
        all.stream().filter(h -> glob.matcher(h).matches()).forEach(hosts::add);
        return hosts;
    }

    private static List<String> names(Object members) {
        List<String> names = new ArrayList<>();
        if (members instanceof Collection<?> c) {
            c.forEach(m -> names.add(String.valueOf(m)));
        }
        return names;
    }
}
