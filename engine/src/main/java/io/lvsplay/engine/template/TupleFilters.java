package io.lvsplay.engine.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Filters whose results are lists of Python tuples: zip_longest, permutations, combinations, dictsort. */
final class TupleFilters {
  private TupleFilters() {}

  static List<NamedFilter> all() {
    return List.of(
        new NamedFilter("zip_longest", TupleFilters::zipLongest),
        new NamedFilter("permutations", (input, args) -> permutations(Values.toList(input), length(input, args))),
        new NamedFilter("combinations", (input, args) -> combinations(Values.toList(input), length(input, args))),
        new NamedFilter("dictsort", TupleFilters::dictsort));
  }

  private static int length(Object input, FilterArgs args) {
    Object r = args.get(0, "r", null);
    return r == null ? Values.toList(input).size() : ((Number) r).intValue();
  }

  private static Object zipLongest(Object input, FilterArgs args) {
    List<List<Object>> lists = new ArrayList<>();
    lists.add(Values.toList(input));
    args.positional().forEach(other -> lists.add(Values.toList(other)));
    Object fill = args.named().get("fillvalue");
    int length = lists.stream().mapToInt(List::size).max().orElse(0);
    List<Object> result = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      List<Object> tuple = new ArrayList<>();
      for (List<Object> list : lists) {
        tuple.add(i < list.size() ? list.get(i) : fill);
      }
      result.add(new PythonTuple(tuple));
    }
    return result;
  }

  /** itertools.permutations: ordered picks of r distinct positions, in lexicographic order of positions. */
  private static List<Object> permutations(List<Object> items, int r) {
    List<Object> out = new ArrayList<>();
    permute(items, r, new ArrayList<>(), new boolean[items.size()], out);
    return out;
  }

  private static void permute(List<Object> items, int r, List<Object> prefix, boolean[] used, List<Object> out) {
    if (prefix.size() == r) {
      out.add(new PythonTuple(prefix));
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      if (!used[i]) {
        used[i] = true;
        prefix.add(items.get(i));
        permute(items, r, prefix, used, out);
        prefix.remove(prefix.size() - 1);
        used[i] = false;
      }
    }
  }

  /** itertools.combinations: r positions in increasing order. */
  private static List<Object> combinations(List<Object> items, int r) {
    List<Object> out = new ArrayList<>();
    combine(items, r, 0, new ArrayList<>(), out);
    return out;
  }

  private static void combine(List<Object> items, int r, int from, List<Object> prefix, List<Object> out) {
    if (prefix.size() == r) {
      out.add(new PythonTuple(prefix));
      return;
    }
    for (int i = from; i < items.size(); i++) {
      prefix.add(items.get(i));
      combine(items, r, i + 1, prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  /** Jinja2's dictsort(case_sensitive=False, by='key', reverse=False): (key, value) tuples. */
  private static Object dictsort(Object input, FilterArgs args) {
    Map<?, ?> map = Values.toMap(input, "dictsort");
    boolean caseSensitive = args.flag(0, "case_sensitive");
    boolean byValue = "value".equals(args.string(1, "by", "key"));
    boolean reverse = args.flag(2, "reverse");
    Comparator<Object> order = Comparator.comparing(entry -> {
      Object key = ((PythonTuple) entry).get(byValue ? 1 : 0);
      return !caseSensitive && key instanceof CharSequence text ? text.toString().toLowerCase() : key;
    }, Values::compare);
    List<Object> entries = new ArrayList<>();
    map.forEach((k, v) -> entries.add(PythonTuple.of(k, v)));
    entries.sort(reverse ? order.reversed() : order);
    return entries;
  }
}
