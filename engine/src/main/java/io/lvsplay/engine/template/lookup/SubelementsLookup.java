package io.lvsplay.engine.template.lookup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * subelements: [list-of-dicts, "key.path", {skip_missing: bool}] gives a (parent, child) pair for
 * each element of the list at key.path. As in Ansible, the parent no longer holds that list.
 */
final class SubelementsLookup {
    private SubelementsLookup() {
    }

    static List<Object> run(List<Object> terms, Map<String, Object> options, LookupContext context) {
        if (terms.size() < 2 || terms.size() > 3) {
            throw termsError("");
        }
        // Ansible listifies the first term: a lone value is a one-item list (and then not a dict)
        Object first = terms.get(0) instanceof List || terms.get(0) instanceof Map ? terms.get(0) : java.util.Collections.singletonList(terms.get(0));
        if (!(terms.get(1) instanceof String path)) {
            throw termsError("first a dict or a list, second a string pointing to the subkey");
        }
        List<Object> elements = new ArrayList<>();
        if (first instanceof Map<?, ?> map) {
            if (isSkipped(map)) {
                return new ArrayList<>();
            }
            elements.addAll(map.values());
        } else {
            elements.addAll((List<?>) first);
        }
        boolean skipMissing = false;
        if (terms.size() == 3) {
            if (!(terms.get(2) instanceof Map<?, ?> flags)
                    || !flags.keySet().stream().allMatch("skip_missing"::equals)) {
                throw termsError("the optional third item must be a dict with flags [skip_missing]");
            }
            skipMissing = isTrue(flags.get("skip_missing"));
        }
        String[] keys = path.split("\\.");
        List<Object> pairs = new ArrayList<>();
        for (Object element : elements) {
            if (!(element instanceof Map<?, ?> item)) {
                throw new LookupFailure("subelements lookup expects a dictionary, got '" + context.str(element) + "'");
            }
            if (isSkipped(item)) {
                continue;
            }
            Map<Object, Object> parent = new LinkedHashMap<>(item);
            Map<Object, Object> holder = parent;
            List<?> children = List.of();
            for (int i = 0; i < keys.length; i++) {
                String key = keys[i];
                if (!holder.containsKey(key)) {
                    if (skipMissing) {
                        children = List.of();
                        break;
                    }
                    throw new LookupFailure("could not find '" + key + "' key in iterated item '"
                            + context.str(holder) + "'");
                }
                Object value = holder.get(key);
                if (i < keys.length - 1) {
                    if (!(value instanceof Map<?, ?> inner)) {
                        if (skipMissing) {
                            children = List.of();
                            break;
                        }
                        throw new LookupFailure("the key " + key + " should point to a dictionary, got '"
                                + context.str(value) + "'");
                    }
                    Map<Object, Object> copy = new LinkedHashMap<>(inner);
                    holder.put(key, copy);
                    holder = copy;
                } else {
                    if (!(value instanceof List<?> list)) {
                        throw new LookupFailure("the key " + key + " should point to a list, got '"
                                + context.str(value) + "'");
                    }
                    children = list;
                    holder.remove(key);
                }
            }
            for (Object child : children) {
                pairs.add(java.util.Arrays.asList(parent, child));
            }
        }
        return pairs;
    }

    private static boolean isSkipped(Map<?, ?> map) {
        Object skipped = map.get("skipped");
        return skipped != null && !Boolean.FALSE.equals(skipped);
    }

    private static boolean isTrue(Object value) {
        String text = String.valueOf(value).toLowerCase();
        return value instanceof Boolean b ? b : text.equals("yes") || text.equals("true") || text.equals("1")
                || text.equals("on") || text.equals("y");
    }

    private static LookupFailure termsError(String detail) {
        return new LookupFailure("subelements lookup expects a list of two or three items, " + detail);
    }
}
