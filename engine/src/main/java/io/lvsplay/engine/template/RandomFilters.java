package io.lvsplay.engine.template;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Ansible's random and shuffle filters. With a seed the result is the same on every run (what
 * roles use seed= for: a stable per-host minute in a cron job); the numbers differ from Python's
 * Mersenne Twister, which is listed in the Jinja2 corpus as a known difference.
 */
final class RandomFilters {
  private static final SecureRandom UNSEEDED = new SecureRandom();

  private RandomFilters() {}

  static List<NamedFilter> all() {
    return List.of(
        new NamedFilter("random", RandomFilters::random),
        new NamedFilter("shuffle", (input, args) -> {
          List<Object> items = new ArrayList<>(Values.toList(input));
          Collections.shuffle(items, source(args.get(0, "seed", null)));
          return items;
        }));
  }

  /** random(end, start=None, step=None, seed=None): a number in range(start, end, step), or an item. */
  private static Object random(Object input, FilterArgs args) {
    Random random = source(args.get(2, "seed", null));
    if (input instanceof Number number) {
      long start = ((Number) args.get(0, "start", 0)).longValue();
      long step = ((Number) args.get(1, "step", 1)).longValue();
      long count = (number.longValue() - start + step - 1) / step;
      if (count <= 0) {
        throw Strictness.fail("empty range for randrange()");
      }
      return start + step * (long) (random.nextDouble() * count);
    }
    List<Object> items = Values.toList(input);
    if (items.isEmpty()) {
      throw Strictness.fail("random(): cannot choose from an empty sequence");
    }
    return items.get(random.nextInt(items.size()));
  }

  private static Random source(Object seed) {
    return seed == null ? UNSEEDED : new Random(PythonRepr.str(seed).hashCode());
  }
}
