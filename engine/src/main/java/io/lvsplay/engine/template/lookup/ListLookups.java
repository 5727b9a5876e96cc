package io.lvsplay.engine.template.lookup;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The lookups that reshape their terms: items, list, indexed_items, together, nested, dict, random_choice. */
final class ListLookups {
    private static final Random RANDOM = new SecureRandom();

    private ListLookups() {
    }

    /** items: the terms, lists among them flattened one level. */
    static List<Object> items(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> flat = new ArrayList<>();
        for (Object term : terms) {
            if (term instanceof List<?> inner) {
                flat.addAll(inner);
            } else {
                flat.add(term);
            }
        }
        return flat;
    }

    static List<Object> list(List<Object> terms, Map<String, Object> options, LookupContext context) {
        return new ArrayList<>(terms);
    }

    /** indexed_items: [[0, a], [1, b], ...] over the terms flattened one level, as Ansible's _flatten. */
    static List<Object> indexedItems(List<Object> terms, Map<String, Object> options, LookupContext context) {
        for (Object term : terms) {
            if (term instanceof Map<?, ?>) {
                throw new LookupFailure("with_indexed_items expects a list");
            }
        }
        List<Object> flat = items(terms, options, context);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            items.add(java.util.Arrays.asList(i, flat.get(i)));
        }
        return items;
    }

    /** together: the lists zipped, the shorter ones padded with None. */
    static List<Object> together(List<Object> terms, Map<String, Object> options, LookupContext context) {
        if (terms.isEmpty()) {
            throw new LookupFailure("with_together requires at least one element in each list");
        }
        List<List<?>> lists = terms.stream().map(ListLookups::asList).toList();
        int longest = lists.stream().mapToInt(List::size).max().orElse(0);
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < longest; i++) {
            List<Object> row = new ArrayList<>();
            for (List<?> list : lists) {
                row.add(i < list.size() ? list.get(i) : null);
            }
            rows.add(row);
        }
        return rows;
    }

    /** nested: the cartesian product of the lists, each combination a flat list. */
    static List<Object> nested(List<Object> terms, Map<String, Object> options, LookupContext context) {
        if (terms.isEmpty()) {
            throw new LookupFailure("with_nested requires at least one element in the nested list");
        }
        List<List<Object>> combos = new ArrayList<>();
        combos.add(new ArrayList<>());
        for (Object term : terms) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> combo : combos) {
                for (Object element : asList(term)) {
                    List<Object> longer = new ArrayList<>(combo);
                    longer.add(element);
                    next.add(longer);
                }
            }
            combos = next;
        }
        return new ArrayList<>(combos);
    }

    /** dict: each mapping's entries as {key, value}. */
    static List<Object> dict(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> items = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof Map<?, ?> map)) {
                throw new LookupFailure("with_dict expects a dict");
            }
            map.forEach((k, v) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", k);
                entry.put("value", v);
                items.add(entry);
            });
        }
        return items;
    }

    static List<Object> randomChoice(List<Object> terms, Map<String, Object> options, LookupContext context) {
        if (terms.isEmpty()) {
            return new ArrayList<>();
        }
        List<Object> one = new ArrayList<>();
        one.add(terms.get(RANDOM.nextInt(terms.size())));
        return one;
    }

    private static List<?> asList(Object term) {
        if (term instanceof List<?> list) {
            return list;
        }
        List<Object> one = new ArrayList<>();
        one.add(term);
        return one;
    }
}
