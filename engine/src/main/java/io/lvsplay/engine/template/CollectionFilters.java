package io.lvsplay.engine.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** List and dict filters from Ansible that jinjava lacks or implements with other semantics. */
final class CollectionFilters {
  private CollectionFilters() {}

  static List<NamedFilter> all() {
    return List.of(
        new NamedFilter("min", (input, args) -> extreme(input, args, -1)),
        new NamedFilter("max", (input, args) -> extreme(input, args, 1)),
        new NamedFilter("sort", CollectionFilters::sort),
        new NamedFilter("unique", (input, args) -> unique(Values.toList(input))),
        new NamedFilter("flatten", CollectionFilters::flatten),
        new NamedFilter("zip", CollectionFilters::zip),
        new NamedFilter("product", CollectionFilters::product),
        new NamedFilter("difference", (input, args) -> difference(input, args.get(0, null, List.of()))),
        new NamedFilter("union", (input, args) -> union(input, args.get(0, null, List.of()))),
        new NamedFilter("intersect", (input, args) -> intersect(input, args.get(0, null, List.of()))),
        new NamedFilter("dict2items", CollectionFilters::dict2items),
        new NamedFilter("items2dict", CollectionFilters::items2dict),
        new NamedFilter("combine", CollectionFilters::combine));
  }

  private static Object extreme(Object input, FilterArgs args, int direction) {
    List<Object> items = Values.toList(input);
    if (items.isEmpty()) {
      throw Strictness.fail((direction < 0 ? "min" : "max") + "() arg is an empty sequence");
    }
    String attribute = (String) args.named().get("attribute");
    Comparator<Object> order = Comparator.comparing(
        item -> attribute == null ? item : Values.toMap(item, "attribute=").get(attribute), Values::compare);
    return direction < 0 ? items.stream().min(order).orElseThrow() : items.stream().max(order).orElseThrow();
  }

  /** sort(reverse=False, case_sensitive=False, attribute=None), as in Jinja2. */
  private static Object sort(Object input, FilterArgs args) {
    boolean reverse = args.flag(0, "reverse");
    boolean caseSensitive = args.flag(1, "case_sensitive");
    Object attribute = args.get(2, "attribute", null);
    Comparator<Object> order = Comparator.comparing(item -> {
      Object key = attribute == null ? item : Values.toMap(item, "sort(attribute=)").get(attribute);
      return key instanceof CharSequence text && !caseSensitive ? text.toString().toLowerCase(java.util.Locale.ROOT) : key;
    }, Values::compare);
    List<Object> sorted = new ArrayList<>(Values.toList(input));
    sorted.sort(reverse ? order.reversed() : order);
    return sorted;
  }

  private static List<Object> unique(List<Object> items) {
    List<Object> result = new ArrayList<>();
    for (Object item : items) {
      if (!Values.contains(result, item)) {
        result.add(item);
      }
    }
    return result;
  }

  /** flatten(levels=None): nested lists are spliced in; None items are dropped like Ansible does. */
  private static Object flatten(Object input, FilterArgs args) {
    Object levels = args.get(0, "levels", null);
    return flatten(Values.toList(input), levels == null ? Integer.MAX_VALUE : ((Number) levels).intValue());
  }

  private static List<Object> flatten(List<Object> items, int levels) {
    List<Object> result = new ArrayList<>();
    for (Object item : items) {
      if (Values.isSequence(item) && levels > 0) {
        result.addAll(flatten(Values.toList(item), levels - 1));
      } else if (item != null) {
        result.add(item);
      }
    }
    return result;
  }

  private static Object zip(Object input, FilterArgs args) {
    List<List<Object>> lists = new ArrayList<>();
    lists.add(Values.toList(input));
    args.positional().forEach(other -> lists.add(Values.toList(other)));
    int length = lists.stream().mapToInt(List::size).min().orElse(0);
    List<Object> result = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      List<Object> tuple = new ArrayList<>();
      for (List<Object> list : lists) {
        tuple.add(list.get(i));
      }
      result.add(new PythonTuple(tuple));
    }
    return result;
  }

  private static Object product(Object input, FilterArgs args) {
    List<List<Object>> result = new ArrayList<>();
    result.add(List.of());
    List<Object> factors = new ArrayList<>();
    factors.add(input);
    factors.addAll(args.positional());
    for (Object factor : factors) {
      List<List<Object>> next = new ArrayList<>();
      for (List<Object> prefix : result) {
        for (Object item : Values.toList(factor)) {
          List<Object> tuple = new ArrayList<>(prefix);
          tuple.add(item);
          next.add(tuple);
        }
      }
      result = next;
    }
    return result.stream().map(PythonTuple::new).toList();
  }

  private static List<Object> difference(Object input, Object other) {
    List<Object> exclude = Values.toList(other);
    return unique(Values.toList(input)).stream().filter(item -> !Values.contains(exclude, item)).toList();
  }

  private static List<Object> union(Object input, Object other) {
    List<Object> all = new ArrayList<>(Values.toList(input));
    all.addAll(Values.toList(other));
    return unique(all);
  }

  private static List<Object> intersect(Object input, Object other) {
    List<Object> keep = Values.toList(other);
    return unique(Values.toList(input)).stream().filter(item -> Values.contains(keep, item)).toList();
  }

  private static Object dict2items(Object input, FilterArgs args) {
    String keyName = args.string(0, "key_name", "key");
    String valueName = args.string(1, "value_name", "value");
    List<Object> items = new ArrayList<>();
    Values.toMap(input, "dict2items").forEach((key, value) -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(keyName, key);
      item.put(valueName, value);
      items.add(item);
    });
    return items;
  }

  private static Object items2dict(Object input, FilterArgs args) {
    String keyName = args.string(0, "key_name", "key");
    String valueName = args.string(1, "value_name", "value");
    Map<Object, Object> result = new LinkedHashMap<>();
    for (Object item : Values.toList(input)) {
      Map<Object, Object> entry = Values.toMap(item, "items2dict");
      if (!entry.containsKey(keyName) || !entry.containsKey(valueName)) {
        throw Strictness.fail("items2dict requires each item to have '" + keyName + "' and '" + valueName + "' keys");
      }
      result.put(entry.get(keyName), entry.get(valueName));
    }
    return result;
  }

  /** combine(*dicts, recursive=False): later dicts win; recursive merges nested dicts. */
  private static Object combine(Object input, FilterArgs args) {
    List<Object> dicts = new ArrayList<>();
    if (Values.isSequence(input)) {
      dicts.addAll(Values.toList(input));
    } else {
      dicts.add(input);
    }
    dicts.addAll(args.positional());
    boolean recursive = args.keywordFlag("recursive");
    Map<Object, Object> result = new LinkedHashMap<>();
    for (Object dict : dicts) {
      merge(result, Values.toMap(dict, "combine"), recursive);
    }
    return result;
  }

  private static void merge(Map<Object, Object> target, Map<Object, Object> source, boolean recursive) {
    source.forEach((key, value) -> {
      Object existing = target.get(key);
      if (recursive && existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
        Map<Object, Object> nested = new LinkedHashMap<>(Values.toMap(existing, "combine"));
        merge(nested, Values.toMap(value, "combine"), true);
        target.put(key, nested);
      } else {
        target.put(key, value);
      }
    });
  }
}
